using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CloudInstanceConfiguration : IEntityTypeConfiguration<CloudInstance>
{
    public void Configure(EntityTypeBuilder<CloudInstance> builder)
    {
        builder.ToTable("cloud_instances");
        builder.HasKey(i => new { i.ProjectId, i.InstanceId });
        builder.Property(i => i.ProjectId).HasMaxLength(64);
        builder.Property(i => i.InstanceId).HasMaxLength(64);
        builder.Property(i => i.Name).IsRequired();
        builder.Property(i => i.GpuModel).HasMaxLength(60);
        builder.HasIndex(i => i.IsGpu);
    }
}
