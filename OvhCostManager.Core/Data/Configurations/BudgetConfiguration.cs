using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class BudgetConfiguration : IEntityTypeConfiguration<BudgetRecord>
{
    public void Configure(EntityTypeBuilder<BudgetRecord> builder)
    {
        builder.ToTable("budgets");
        builder.Property(b => b.ScopeKind).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.ScopeKey).HasMaxLength(300).IsRequired();
        builder.Property(b => b.FromMonth).HasMaxLength(7).IsRequired();
        builder.Property(b => b.Thresholds).HasMaxLength(100).IsRequired();
        builder.Property(b => b.SavedBy).HasMaxLength(200);
        builder.HasIndex(b => new { b.ScopeKind, b.ScopeKey, b.FromMonth });
    }
}
