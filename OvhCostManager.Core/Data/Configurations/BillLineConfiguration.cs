using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class BillLineConfiguration : IEntityTypeConfiguration<BillLine>
{
    public void Configure(EntityTypeBuilder<BillLine> builder)
    {
        builder.ToTable("bill_lines");
        builder.HasKey(l => new { l.BillId, l.DetailId });
        builder.Property(l => l.BillId).HasMaxLength(64);
        builder.Property(l => l.DetailId).HasMaxLength(128);
        builder.Property(l => l.Description).IsRequired();
        builder.Property(l => l.Domain).HasMaxLength(255).IsRequired();
        builder.Property(l => l.Category).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ResourceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.ResourceKey).HasMaxLength(255);
        builder.Property(l => l.CloudProjectId).HasMaxLength(64);
        builder.Property(l => l.GpuModel).HasMaxLength(60);
        builder.Property(l => l.BillingMonth).HasMaxLength(7).IsRequired();
        // Covers the monthly sums per category, type and GPU flag (Overview, Trends): SQLite reads the index alone.
        builder.HasIndex(l => new { l.BillingMonth, l.Category, l.ResourceType, l.IsGpu, l.Total });
        builder.HasIndex(l => new { l.BillingMonth, l.ResourceType });
        builder.HasIndex(l => new { l.CloudProjectId, l.BillingMonth });
        builder.HasIndex(l => new { l.ResourceKey, l.BillingMonth });
        builder.HasIndex(l => l.Domain);
        builder.HasIndex(l => new { l.PeriodEnd, l.PeriodStart });
    }
}
