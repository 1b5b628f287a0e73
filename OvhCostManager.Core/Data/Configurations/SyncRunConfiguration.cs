using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class SyncRunConfiguration : IEntityTypeConfiguration<SyncRun>
{
    public void Configure(EntityTypeBuilder<SyncRun> builder)
    {
        builder.ToTable("sync_runs");
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        // Runs recorded before triggers existed read as Schedule, the CLR default, so EF never omits a real value.
        builder.Property(r => r.Trigger).HasConversion<string>().HasMaxLength(20).HasDefaultValue(SyncTrigger.Schedule);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.FailureReason).HasConversion<string>().HasMaxLength(32);
        builder.Property(r => r.Owner).HasMaxLength(200);
        builder.HasIndex(r => new { r.Status, r.FinishedAtUtc });
        builder.HasIndex(r => r.StartedAtUtc);
    }
}
