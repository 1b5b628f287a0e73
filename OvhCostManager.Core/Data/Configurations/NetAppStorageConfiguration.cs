using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class NetAppStorageConfiguration : IEntityTypeConfiguration<NetAppStorage>
{
    public void Configure(EntityTypeBuilder<NetAppStorage> builder)
    {
        builder.ToTable("netapp_storages");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).HasMaxLength(64);
        builder.Property(s => s.Name).IsRequired();
        builder.Property(s => s.RenewalMode).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(s => s.ExpiresOn);
    }
}
