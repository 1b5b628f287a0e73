using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.ToTable("alerts");
        builder.Property(a => a.Key).HasMaxLength(400).IsRequired();
        builder.HasIndex(a => a.Key).IsUnique();
        builder.Property(a => a.Kind).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Scope).HasMaxLength(320);
        builder.Property(a => a.Link).HasMaxLength(400);
        builder.HasIndex(a => a.RaisedAtUtc);
        builder.HasMany(a => a.Deliveries).WithOne().HasForeignKey(d => d.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AlertDeliveryConfiguration : IEntityTypeConfiguration<AlertDelivery>
{
    public void Configure(EntityTypeBuilder<AlertDelivery> builder)
    {
        builder.ToTable("alert_deliveries");
        builder.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.LastError).HasMaxLength(1000);
        builder.HasIndex(d => new { d.AlertId, d.Channel }).IsUnique();
        builder.HasIndex(d => d.Status);
    }
}

internal sealed class AlertReadConfiguration : IEntityTypeConfiguration<AlertRead>
{
    public void Configure(EntityTypeBuilder<AlertRead> builder)
    {
        builder.ToTable("alert_reads");
        builder.HasKey(r => new { r.AlertId, r.Reader });
        builder.Property(r => r.Reader).HasMaxLength(200);
        builder.HasOne<Alert>().WithMany().HasForeignKey(r => r.AlertId).OnDelete(DeleteBehavior.Cascade);
    }
}
