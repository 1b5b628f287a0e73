using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CreditMovementConfiguration : IEntityTypeConfiguration<CreditMovement>
{
    public void Configure(EntityTypeBuilder<CreditMovement> builder)
    {
        builder.ToTable("credit_movements");
        builder.HasKey(m => new { m.BalanceName, m.MovementId });
        builder.Property(m => m.BalanceName).HasMaxLength(200);
        builder.Property(m => m.Type).HasMaxLength(40).IsRequired();
        builder.Property(m => m.Currency).HasMaxLength(3).IsRequired();
        builder.HasIndex(m => m.CreatedAtUtc);
    }
}
