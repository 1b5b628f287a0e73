using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class ResourceDayConfiguration : IEntityTypeConfiguration<ResourceDay>
{
    public void Configure(EntityTypeBuilder<ResourceDay> builder)
    {
        builder.ToTable("resource_days");
        builder.HasKey(r => new { r.Day, r.Kind, r.InstanceId });
        builder.Property(r => r.InstanceId).HasMaxLength(255);
        builder.Property(r => r.ProjectId).HasMaxLength(64).IsRequired();
        builder.Property(r => r.Name).IsRequired();
    }
}
