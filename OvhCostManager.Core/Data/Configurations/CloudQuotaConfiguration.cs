using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CloudQuotaConfiguration : IEntityTypeConfiguration<CloudQuota>
{
    public void Configure(EntityTypeBuilder<CloudQuota> builder)
    {
        builder.ToTable("cloud_quotas");
        builder.HasKey(q => new { q.ProjectId, q.Region });
        builder.Property(q => q.ProjectId).HasMaxLength(64);
        builder.Property(q => q.Region).HasMaxLength(40);
    }
}
