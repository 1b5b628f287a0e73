using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>One invoice (<c>billing.Bill</c>). Amounts derive from the lines; tax is 20 % of the total, rounded to the cent.</summary>
public sealed class SimBill
{
    public required string BillId { get; init; }
    public required DateTimeOffset Date { get; set; }
    public required string Category { get; set; }
    public required long OrderId { get; init; }
    public required string Password { get; init; }
    public List<SimBillLine> Lines { get; } = [];
    /// <summary>The bill's payment, possibly still to come; read it through <see cref="PaymentAt"/>. Null: left unpaid.</summary>
    public SimPayment? Payment { get; set; }

    /// <summary>The payment made by <paramref name="now"/>; null while unpaid: <c>/payment</c> answers 404 and the amount counts in the debt account.</summary>
    public SimPayment? PaymentAt(DateTimeOffset now) => Payment is { } p && p.PaymentDate <= now ? p : null;
    /// <summary>True for the bill of the 1st holding last month's pay-as-you-go consumption.</summary>
    public bool IsConsumptionBill { get; init; }

    /// <summary>Days between a bill and the date OVH recovers its debt (a simulator choice: a 30-day payment term).</summary>
    public const int PaymentTermDays = 30;

    /// <summary>The <c>dueDate</c> of the bill's debt (<c>/me/bill/{id}/debt</c>) while it is unpaid.</summary>
    public DateTimeOffset DueDate => Date.AddDays(PaymentTermDays);

    public BillingMonth Month => BillingMonth.Of(Date);
    public Money PriceWithoutTax => Money.Sum(Lines.Select(l => l.TotalPrice));
    public Money Tax => Money.FromDecimal(decimal.Round(PriceWithoutTax.Amount * 0.2m, 2, MidpointRounding.AwayFromZero));
    public Money PriceWithTax => PriceWithoutTax + Tax;
}

/// <summary>One invoice line (<c>billing.BillDetail</c>); <see cref="Domain"/> is the service name it applies to.</summary>
public sealed class SimBillLine
{
    public required string DetailId { get; init; }
    public required string Description { get; set; }
    public required string Domain { get; set; }
    public decimal Quantity { get; set; } = 1;
    public required decimal UnitPrice { get; set; }
    public required Money TotalPrice { get; set; }
    public DateOnly? PeriodStart { get; set; }
    public DateOnly? PeriodEnd { get; set; }

    /// <summary>What the line is, as the generator chose it: the category a correct classifier must find.</summary>
    public ServiceCategory ServiceCategory { get; init; }
}

public sealed record SimPayment(DateTimeOffset PaymentDate, string PaymentType, string? PaymentIdentifier);

/// <summary>What a test passes to <see cref="SimulatedAccount.AddBill"/>.</summary>
public sealed record NewBillLine(string Description, string Domain, Money TotalPrice, decimal Quantity = 1, ServiceCategory ServiceCategory = ServiceCategory.Other);

public enum RenewKind
{
    Automatic,
    Manual,
    Forced,
}

/// <summary>
/// Renewal and expiry data served by <c>serviceInfos</c> and <c>/services/{id}</c>; <see cref="DeleteAtExpiration"/>: the
/// customer asked for the service to end at its expiry (<c>pendingActions</c> <c>deleteAtExpiration</c>).
/// </summary>
public sealed record ServiceTerms(long ServiceId, DateOnly Creation, DateOnly Expiration, DateOnly? EngagedUpTo, RenewKind Renew, string Status,
    bool DeleteAtExpiration = false);

public sealed record SimDedicatedServer(
    string Name, string DisplayName, long ServerId, string CommercialRange, string Description, string Datacenter, string Region,
    string Ip, string Os, string Rack, string PlanCode, Money MonthlyPrice, int Cores, int MemoryGb, int Disks, int DiskGb,
    string ProcessorName, bool Gpu, ServiceTerms Terms);

public sealed record SimVps(
    string Name, string DisplayName, string ModelName, string Offer, int Vcore, int MemoryMb, int DiskGb, string Zone,
    string Cluster, string State, IReadOnlyList<string> Ips, Money MonthlyPrice, ServiceTerms Terms);

public sealed record SimNetApp(
    string Id, string Name, string Region, long QuotaBytes, DateTimeOffset CreatedAt, string Status, Money MonthlyPrice, ServiceTerms Terms);

public sealed record SimCloudProject(
    string Id, string Name, DateTimeOffset CreationDate, long OrderId, string Status, IReadOnlyList<string> Regions, ServiceTerms Terms);

public sealed record FlavorSpec(string Name, int Vcpus, int RamGb, int DiskGb, string Type, decimal HourlyPrice, decimal MonthlyPrice, bool Gpu);

/// <summary>A Public Cloud instance; <see cref="Deleted"/> set: gone from that instant (a flavour change is the old instance
/// deleted and one of the same id created at that instant with the new flavour).</summary>
public sealed record SimInstance(
    string Id, string ProjectId, string Name, FlavorSpec Flavor, string Region, DateTimeOffset Created, bool MonthlyBilling,
    string Status, string Ipv4, string ImageName, DateTimeOffset? Deleted = null)
{
    /// <summary>Listed by the API at <paramref name="now"/>.</summary>
    public bool ExistsAt(DateTimeOffset now) => Created <= now && (Deleted is null || now < Deleted);

    /// <summary>Whether it ran for some of the month (billed in it).</summary>
    public bool RunsIn(BillingMonth month) => Created < month.End && (Deleted is null || Deleted > month.Start);
}

/// <summary>
/// Any billed service listed by <c>/services</c>: <see cref="Price"/> is what one renewal of <see cref="PeriodMonths"/>
/// months charges, the amount of the service's renewal bill lines.
/// </summary>
public sealed record SimOtherService(string Name, string DisplayName, string ProductName, string ProductDescription, string? RoutePath, Money Price, ServiceTerms Terms,
    int PeriodMonths = 1);

public sealed record SimCreditMovement(long MovementId, Money Amount, DateTimeOffset CreationDate, string Type, string SourceId, string SourceName, string? DestinationBillId, long? OrderId, DateTimeOffset? ExpirationDate);

public sealed record SimCreditBalance(string BalanceName, string Type, DateTimeOffset CreationDate, long? ServiceId, IReadOnlyList<SimCreditMovement> Movements)
{
    public Money Amount => Money.Sum(Movements.Select(m => m.Amount));
}

/// <summary>One priced quantity of a consumption element: an instance, a bucket, a volume...</summary>
public sealed record ConsumptionDetail(string UniqueId, long Quantity, Money Amount);

/// <summary>
/// A pay-as-you-go element of one month (a flavour's hours, a bucket's GiBh...). Its full-month figures make the
/// consumption bill line of the 1st; during the month the ongoing amount grows linearly with elapsed time.
/// </summary>
public sealed record ConsumptionElement(
    long ServiceId, string Domain, string PlanFamily, string PlanCode, string Unit, string Region, string Reference,
    string BillDescription, IReadOnlyList<ConsumptionDetail> Details)
{
    public Money Amount => Money.Sum(Details.Select(d => d.Amount));
    public long Quantity => Details.Sum(d => d.Quantity);
}

public sealed record MonthPlan(BillingMonth Month, IReadOnlyList<ConsumptionElement> Elements);
