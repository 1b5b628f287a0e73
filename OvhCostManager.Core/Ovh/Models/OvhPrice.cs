using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Ovh.Models;

/// <summary>
/// An OVH amount: <c>order.Price</c>, <c>order.LongPrice</c> or <c>me.consumption.Price</c>. <c>value</c> is a decimal in the
/// currency, the <c>...InUcents</c> fields are exact micro-cents; <c>text</c> is for display only.
/// </summary>
public sealed record OvhPrice
{
    public string CurrencyCode { get; init; } = "";

    public decimal Value { get; init; }

    /// <summary>Micro-cents, as sent by <c>order.Price</c> (nullable in the schema).</summary>
    public long? PriceInUcents { get; init; }

    /// <summary>Micro-cents, as sent by <c>me.consumption.Price</c>.</summary>
    public long? ValueInUcents { get; init; }

    public string Text { get; init; } = "";

    /// <summary>The exact amount: OVH's micro-cents when present, else <see cref="Value"/>.</summary>
    public Money Money => PriceInUcents is { } price ? new Money(price)
        : ValueInUcents is { } value ? new Money(value)
        : Money.FromDecimal(Value);
}
