using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class ConsumptionSnapshotItemConfiguration : IEntityTypeConfiguration<ConsumptionSnapshotItem>
{
    public void Configure(EntityTypeBuilder<ConsumptionSnapshotItem> builder)
    {
        builder.ToTable("consumption_snapshot_items");
        builder.Property(i => i.PlanFamily).HasMaxLength(100);
        builder.Property(i => i.PlanCode).HasMaxLength(200);
        builder.Property(i => i.Unit).HasMaxLength(40);
        builder.HasIndex(i => new { i.SnapshotId, i.ServiceId });
        builder.HasIndex(i => i.ServiceId);
    }
}
