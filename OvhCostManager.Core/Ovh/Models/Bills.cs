namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>billing.CategoryEnum</c>; values OVH adds later read as <see cref="Unknown"/>.</summary>
public enum BillCategory
{
    Unknown,
    Autorenew,
    Earlyrenewal,
    Purchase,
    PurchaseCloud,
    PurchaseServers,
    PurchaseTelecom,
    PurchaseWeb,
}

/// <summary><c>GET /me/bill/{billId}</c> (<c>billing.Bill</c>); <c>priceWithoutTax + tax = priceWithTax</c>.</summary>
public sealed record Bill
{
    public string BillId { get; init; } = "";
    public BillCategory Category { get; init; }
    public DateTimeOffset Date { get; init; }
    public long? OrderId { get; init; }
    public string? Password { get; init; }
    public string? PdfUrl { get; init; }
    public string? Url { get; init; }
    public OvhPrice PriceWithTax { get; init; } = new();
    public OvhPrice PriceWithoutTax { get; init; } = new();
    public OvhPrice Tax { get; init; } = new();
}

/// <summary><c>GET /me/bill/{billId}/details/{billDetailId}</c> (<c>billing.BillDetail</c>): one invoice line.</summary>
public sealed record BillDetail
{
    public string BillDetailId { get; init; } = "";
    public string Description { get; init; } = "";

    /// <summary>The service the line applies to (project id, server name, ...).</summary>
    public string Domain { get; init; } = "";
    public DateOnly? PeriodStart { get; init; }
    public DateOnly? PeriodEnd { get; init; }

    /// <summary>A string in the schema (<c>"1"</c>, <c>"730.5"</c>); see <see cref="QuantityValue"/>.</summary>
    public string Quantity { get; init; } = "";
    public OvhPrice TotalPrice { get; init; } = new();

    /// <summary><c>order.LongPrice</c>: more decimals, no micro-cents.</summary>
    public OvhPrice UnitPrice { get; init; } = new();

    public decimal? QuantityValue => decimal.TryParse(Quantity, System.Globalization.NumberStyles.Float,
        System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary><c>GET /me/bill/{billId}/payment</c> (<c>billing.Payment</c>).</summary>
public sealed record BillPayment
{
    public DateTimeOffset? PaymentDate { get; init; }
    public string? PaymentIdentifier { get; init; }

    /// <summary><c>billing.PaymentMeanEnum</c>, kept as text (the list is long and grows).</summary>
    public string? PaymentType { get; init; }
}
