using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CloudVolumeConfiguration : IEntityTypeConfiguration<CloudVolume>
{
    public void Configure(EntityTypeBuilder<CloudVolume> builder)
    {
        builder.ToTable("cloud_volume");
        builder.HasKey(v => new { v.ProjectId, v.VolumeId });
        builder.Property(v => v.ProjectId).HasMaxLength(64);
        builder.Property(v => v.VolumeId).HasMaxLength(64);
        builder.Property(v => v.Type).HasMaxLength(60);
    }
}

internal sealed class CloudVolumeSnapshotConfiguration : IEntityTypeConfiguration<CloudVolumeSnapshot>
{
    public void Configure(EntityTypeBuilder<CloudVolumeSnapshot> builder)
    {
        builder.ToTable("cloud_volume_snapshot");
        builder.HasKey(s => new { s.ProjectId, s.SnapshotId });
        builder.Property(s => s.ProjectId).HasMaxLength(64);
        builder.Property(s => s.SnapshotId).HasMaxLength(64);
        builder.Property(s => s.VolumeId).HasMaxLength(64);
    }
}

internal sealed class CloudFailoverIpConfiguration : IEntityTypeConfiguration<CloudFailoverIp>
{
    public void Configure(EntityTypeBuilder<CloudFailoverIp> builder)
    {
        builder.ToTable("cloud_failover_ip");
        builder.HasKey(ip => new { ip.ProjectId, ip.IpId });
        builder.Property(ip => ip.ProjectId).HasMaxLength(64);
        builder.Property(ip => ip.IpId).HasMaxLength(64);
        builder.Property(ip => ip.Ip).HasMaxLength(64);
    }
}

internal sealed class CloudInstanceHoursConfiguration : IEntityTypeConfiguration<CloudInstanceHours>
{
    public void Configure(EntityTypeBuilder<CloudInstanceHours> builder)
    {
        builder.ToTable("cloud_instance_hours");
        builder.Property(h => h.ProjectId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.Month).HasMaxLength(7).IsRequired();
        builder.Property(h => h.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(h => h.InstanceId).HasMaxLength(64).IsRequired();
        builder.Property(h => h.Flavor).HasMaxLength(60);
        builder.HasIndex(h => new { h.ProjectId, h.Month });
    }
}

internal sealed class CloudCatalogPriceConfiguration : IEntityTypeConfiguration<CloudCatalogPrice>
{
    public void Configure(EntityTypeBuilder<CloudCatalogPrice> builder)
    {
        builder.ToTable("cloud_catalog_price");
        builder.HasKey(p => new { p.PlanCode, p.IntervalUnit });
        builder.Property(p => p.PlanCode).HasMaxLength(120);
        builder.Property(p => p.IntervalUnit).HasMaxLength(20);
        builder.Property(p => p.Subsidiary).HasMaxLength(10);
        builder.Property(p => p.Currency).HasMaxLength(10);
    }
}
