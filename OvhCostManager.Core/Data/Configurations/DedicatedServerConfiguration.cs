using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class DedicatedServerConfiguration : IEntityTypeConfiguration<DedicatedServer>
{
    public void Configure(EntityTypeBuilder<DedicatedServer> builder)
    {
        builder.ToTable("dedicated_servers");
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(255);
        builder.Property(s => s.RenewalMode).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.ExpiresOn);
    }
}
