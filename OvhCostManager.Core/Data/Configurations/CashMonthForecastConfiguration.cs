using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data.Configurations;

internal sealed class CashMonthForecastConfiguration : IEntityTypeConfiguration<CashMonthForecast>
{
    public void Configure(EntityTypeBuilder<CashMonthForecast> builder)
    {
        builder.ToTable("cash_month_forecasts");
        builder.HasKey(f => f.Month);
        builder.Property(f => f.Month).HasMaxLength(7);
        builder.Property(f => f.Currency).HasMaxLength(3).IsRequired();
    }
}
