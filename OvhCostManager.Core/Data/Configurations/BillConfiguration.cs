using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class BillConfiguration : IEntityTypeConfiguration<Bill>
{
    public void Configure(EntityTypeBuilder<Bill> builder)
    {
        builder.ToTable("bills");
        builder.HasKey(b => b.Id);
        builder.Property(b => b.Id).HasMaxLength(64);
        builder.Property(b => b.BillingMonth).HasMaxLength(7).IsRequired();
        builder.Property(b => b.Currency).HasMaxLength(3).IsRequired();
        builder.Property(b => b.Category).HasMaxLength(40);
        builder.Property(b => b.PaymentType).HasMaxLength(40);
        builder.Property(b => b.PaymentStatus).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.LinesHash).HasMaxLength(64).IsRequired();
        builder.HasMany(b => b.Lines).WithOne(l => l.Bill).HasForeignKey(l => l.BillId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(b => b.BillingMonth);
        builder.HasIndex(b => b.DateUtc);
    }
}
