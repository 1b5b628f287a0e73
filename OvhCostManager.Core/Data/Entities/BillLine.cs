using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>One detail line of a bill (<c>/me/bill/{billId}/details/{billDetailId}</c>) with its classification.</summary>
public sealed class BillLine
{
    public string BillId { get; set; } = "";

    /// <summary>OVH <c>billDetailId</c>.</summary>
    public string DetailId { get; set; } = "";

    public string Description { get; set; } = "";

    /// <summary>OVH <c>domain</c>: the service name the line bills (server name, project id, ...).</summary>
    public string Domain { get; set; } = "";

    /// <summary>OVH sends the quantity as a string; kept exact (stored as text).</summary>
    public decimal Quantity { get; set; }

    public Money UnitPrice { get; set; }
    public Money Total { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }

    public ServiceCategory Category { get; set; }
    public ResourceType ResourceType { get; set; }

    /// <summary>The inventory service name this line maps to (server, VPS, NetApp id, project id), when known.</summary>
    public string? ResourceKey { get; set; }

    public string? CloudProjectId { get; set; }
    public bool IsGpu { get; set; }
    public string? GpuModel { get; set; }

    /// <summary>Copy of <see cref="Bill.BillingMonth"/> so monthly sums need no join.</summary>
    public string BillingMonth { get; set; } = "";

    public Bill? Bill { get; set; }
}
