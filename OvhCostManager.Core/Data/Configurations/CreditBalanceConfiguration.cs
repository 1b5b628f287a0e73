using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CreditBalanceConfiguration : IEntityTypeConfiguration<CreditBalance>
{
    public void Configure(EntityTypeBuilder<CreditBalance> builder)
    {
        builder.ToTable("credit_balances");
        builder.HasKey(b => b.Name);
        builder.Property(b => b.Name).HasMaxLength(200);
        builder.Property(b => b.Type).HasMaxLength(40).IsRequired();
        builder.Property(b => b.Currency).HasMaxLength(3).IsRequired();
    }
}
