using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CloudProjectConfiguration : IEntityTypeConfiguration<CloudProject>
{
    public void Configure(EntityTypeBuilder<CloudProject> builder)
    {
        builder.ToTable("cloud_projects");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Id).HasMaxLength(64);
        builder.Property(p => p.Name).IsRequired();
        builder.Property(p => p.Status).HasMaxLength(40);
        builder.Property(p => p.PlanCode).HasMaxLength(100);
    }
}
