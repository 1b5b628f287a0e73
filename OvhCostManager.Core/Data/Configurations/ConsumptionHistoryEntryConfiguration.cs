using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class ConsumptionHistoryEntryConfiguration : IEntityTypeConfiguration<ConsumptionHistoryEntry>
{
    public void Configure(EntityTypeBuilder<ConsumptionHistoryEntry> builder)
    {
        builder.ToTable("consumption_history");
        builder.Property(h => h.Month).HasMaxLength(7).IsRequired();
        builder.Property(h => h.PlanFamily).HasMaxLength(100).IsRequired();
        builder.Property(h => h.PlanCode).HasMaxLength(200).IsRequired();
        builder.Property(h => h.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(h => new { h.Month, h.ServiceId, h.PlanCode }).IsUnique();
        builder.HasIndex(h => h.ServiceId);
    }
}
