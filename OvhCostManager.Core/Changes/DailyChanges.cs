using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Changes;

public enum ResourceChangeKind
{
    Appeared,
    FlavourChanged,
    Gone,
}

/// <summary>
/// One instance's change between the day compared with and the day examined. <see cref="PerDay"/> is the change of its
/// daily rate (hour's price × 24, at the new flavour minus at the old one); null when a side is not priced (a monthly
/// instance, or one OVH has not billed an hour of yet). <see cref="Key"/> names the change once, whatever the number of
/// syncs that see it: one alert per change.
/// </summary>
public sealed record ResourceChange(
    string Key, ResourceChangeKind Kind, string ProjectId, string? ProjectName, string InstanceId, string Name,
    string? FromFlavour, string? ToFlavour, Money? PerDay)
{
    /// <summary>Days in a month at the current rate: <see cref="PerMonth"/> is <see cref="PerDay"/> × 30.</summary>
    public const int DaysPerMonth = 30;

    public Money? PerMonth => PerDay is { } perDay ? new Money(perDay.Ucents * DaysPerMonth) : null;
}

/// <summary>
/// The usage-jump rule: a service's plan jumped when its day's cost is more than <see cref="Factor"/> times the day
/// before's and the increase is at least <see cref="Floor"/> (the anomaly rule's floor), so that small noise stays quiet.
/// </summary>
public sealed record UsageJumpRule(Money Floor)
{
    public const int Factor = 2;

    public bool Jumped(Money dayCost, Money previous) =>
        (Int128)dayCost.Ucents > (Int128)previous.Ucents * Factor && (dayCost - previous).Ucents >= Floor.Ucents;
}

/// <summary>
/// One service's plan (a consumption reading's service and plan code) whose day's cost jumped against the day before's
/// (<see cref="UsageJumpRule"/>). <see cref="ProjectId"/> is the Public Cloud project of the service when known.
/// </summary>
public sealed record UsageJump(string Key, long ServiceId, string? ProjectId, string? ProjectName, string PlanCode, Money Previous, Money DayCost)
{
    /// <summary>The increase of the day's cost.</summary>
    public Money PerDay => DayCost - Previous;

    public Money PerMonth => new(PerDay.Ucents * ResourceChange.DaysPerMonth);
}

public enum AnomalyScope
{
    Project,
    Family,
}

/// <summary>
/// A day whose pay-as-you-go cost of one project or plan family breaks <see cref="DailyChangesReport.Rule"/>.
/// <see cref="Subject"/> is the project id (or <c>service {id}</c> when no project is known for it) or the plan family.
/// </summary>
public sealed record CostAnomaly(string Key, AnomalyScope Scope, string Subject, string? Name, DateOnly Day, AnomalyJudgement Judgement)
{
    /// <summary>The deviation as a month at that rate (× 30), to rank it beside the resource changes.</summary>
    public Money PerMonth => new(Judgement.Deviation.Ucents * ResourceChange.DaysPerMonth);
}

/// <summary>
/// What changed on <see cref="Day"/> (the latest reading's day, or the day asked) against <see cref="ComparedWith"/>
/// (the day before by default, or any earlier day): changes largest € first, the usage jumps of the day against the day
/// before, the services newly billed or no longer billed by the bills between the two days, the services renewed,
/// expiring or expired, then the anomalies of the day.
/// </summary>
public sealed record DailyChangesReport(
    DateOnly? Day, DateOnly? ComparedWith, IReadOnlyList<ResourceChange> Changes, IReadOnlyList<UsageJump> UsageJumps,
    IReadOnlyList<BillLineChange> BillLines, IReadOnlyList<ServiceTermChange> Services, IReadOnlyList<CostAnomaly> Anomalies,
    AnomalyRule Rule, string Currency)
{
    public bool HasData => Day is not null && ComparedWith is not null;

    /// <summary>Sum of the priced changes, a month at the current rate.</summary>
    public Money PerMonth => Money.Sum(Changes.Select(c => c.PerMonth ?? Money.Zero));

    public UsageJumpRule JumpRule => new(Rule.Floor);
}
