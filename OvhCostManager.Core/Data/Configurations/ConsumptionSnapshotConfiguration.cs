using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class ConsumptionSnapshotConfiguration : IEntityTypeConfiguration<ConsumptionSnapshot>
{
    public void Configure(EntityTypeBuilder<ConsumptionSnapshot> builder)
    {
        builder.ToTable("consumption_snapshots");
        builder.Property(s => s.Month).HasMaxLength(7).IsRequired();
        builder.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.Currency).HasMaxLength(3).IsRequired();
        builder.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SnapshotId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(s => new { s.Month, s.Kind, s.TakenAtUtc });
    }
}
