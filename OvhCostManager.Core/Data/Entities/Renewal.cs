namespace OvhCostManager.Core.Data.Entities;

/// <summary>
/// How a service renews, decided from OVH <c>services.Service.renew</c>: <c>forced</c> wins, then <c>automatic</c>,
/// then <c>manualPayment</c>; no <c>renew</c> object means Unknown.
/// </summary>
public enum RenewalMode
{
    Unknown,
    Automatic,
    Manual,
    Forced,
}

/// <summary>Expiry and renewal of any OVH service (<c>.../serviceInfos</c> or <c>/services/{id}</c>).</summary>
public sealed class ServiceRenewal
{
    /// <summary>The service name, as in bill lines' <c>domain</c> and the inventory keys.</summary>
    public string ServiceName { get; set; } = "";

    public Classification.ResourceType ResourceType { get; set; }
    public long? ServiceId { get; set; }
    public DateOnly? CreatedOn { get; set; }
    public DateOnly? ExpiresOn { get; set; }
    public RenewalMode RenewalMode { get; set; }
    public int? RenewalPeriodMonths { get; set; }
    public bool DeleteAtExpiration { get; set; }

    /// <summary>OVH <c>status</c> (ok, expired, unPaid, pendingDebt, ...), kept as sent.</summary>
    public string? Status { get; set; }

    /// <summary>OVH <c>engagedUpTo</c>: end of the commitment period, if any.</summary>
    public DateOnly? EngagedUntil { get; set; }

    /// <summary>
    /// OVH <c>billing.pricing.price</c> of <c>/services</c>: what one renewal charges, without tax (the service's price;
    /// <c>services.expanded.Service</c> carries no quantity). Null when unknown (read from <c>serviceInfos</c>).
    /// </summary>
    public Costs.Money? RenewalPrice { get; set; }

    /// <summary>Currency of <see cref="RenewalPrice"/>.</summary>
    public string? RenewalCurrency { get; set; }

    public DateTimeOffset UpdatedAtUtc { get; set; }
}
