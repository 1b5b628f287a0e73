using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class VpsConfiguration : IEntityTypeConfiguration<Vps>
{
    public void Configure(EntityTypeBuilder<Vps> builder)
    {
        builder.ToTable("vps");
        builder.HasKey(v => v.Name);
        builder.Property(v => v.Name).HasMaxLength(255);
        builder.Property(v => v.RenewalMode).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(v => v.ExpiresOn);
    }
}
