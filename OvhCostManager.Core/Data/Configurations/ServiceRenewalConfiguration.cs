using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class ServiceRenewalConfiguration : IEntityTypeConfiguration<ServiceRenewal>
{
    public void Configure(EntityTypeBuilder<ServiceRenewal> builder)
    {
        builder.ToTable("service_renewals");
        builder.HasKey(r => new { r.ServiceName, r.ResourceType });
        builder.Property(r => r.ServiceName).HasMaxLength(255);
        builder.Property(r => r.ResourceType).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RenewalMode).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Status).HasMaxLength(40);
        builder.Property(r => r.RenewalCurrency).HasMaxLength(3);
        builder.HasIndex(r => r.ExpiresOn);
    }
}
