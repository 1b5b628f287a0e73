using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CloudProjectUsageConfiguration : IEntityTypeConfiguration<CloudProjectUsage>
{
    public void Configure(EntityTypeBuilder<CloudProjectUsage> builder)
    {
        builder.ToTable("cloud_project_usage");
        builder.Property(u => u.ProjectId).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Month).HasMaxLength(7).IsRequired();
        builder.Property(u => u.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.ResourceType).HasMaxLength(60).IsRequired();
        builder.Property(u => u.Unit).HasMaxLength(40);
        builder.HasIndex(u => new { u.ProjectId, u.Month });
        builder.HasIndex(u => new { u.Month, u.ResourceType });
    }
}
