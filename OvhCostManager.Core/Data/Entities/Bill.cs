using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>Whether OVH reports a payment for a bill (<c>/me/bill/{id}/payment</c>).</summary>
public enum BillPaymentStatus
{
    Unknown,
    Paid,
    Pending,
}

/// <summary>One OVH invoice (<c>/me/bill/{billId}</c>), e.g. <c>FR54790012</c>.</summary>
public sealed class Bill
{
    /// <summary>OVH <c>billId</c>.</summary>
    public string Id { get; set; } = "";

    public DateTimeOffset DateUtc { get; set; }

    /// <summary>
    /// <c>YYYY-MM</c> of <see cref="DateUtc"/> in the account time zone; set by <see cref="BillStore"/> so that a bill
    /// issued at 23:30 UTC on 31 May counts for June in Paris, as the invoice itself says.
    /// </summary>
    public string BillingMonth { get; set; } = "";

    public Money PriceWithoutTax { get; set; }
    public Money Tax { get; set; }
    public Money PriceWithTax { get; set; }
    public string Currency { get; set; } = "EUR";
    public long? OrderId { get; set; }

    /// <summary>OVH <c>category</c> (autorenew, purchase-cloud, ...), kept as sent.</summary>
    public string? Category { get; set; }

    public string? PdfUrl { get; set; }
    public string? HtmlUrl { get; set; }
    public string? PaymentType { get; set; }
    public DateTimeOffset? PaymentDateUtc { get; set; }
    public BillPaymentStatus PaymentStatus { get; set; }

    /// <summary>OVH <c>dueDate</c> of the bill's debt (<c>/me/bill/{id}/debt</c>) while it is unpaid; null once paid or when OVH gives none.</summary>
    public DateTimeOffset? DueDateUtc { get; set; }

    /// <summary>Number of lines stored; set by <see cref="BillStore"/>.</summary>
    public int LineCount { get; set; }

    /// <summary>Hash of the OVH fields of the lines (<see cref="BillLineHash"/>); set by <see cref="BillStore"/>.</summary>
    public string LinesHash { get; set; } = "";

    /// <summary>False when some detail lines could not be fetched: the next differential import repairs the bill.</summary>
    public bool LinesComplete { get; set; }

    public DateTimeOffset ImportedAtUtc { get; set; }

    public List<BillLine> Lines { get; set; } = [];
}
