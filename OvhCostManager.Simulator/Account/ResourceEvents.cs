using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

public enum ResourceEventKind
{
    Appeared,
    FlavourChanged,
    Gone,
}

/// <summary>
/// A change of one instance on a Paris day, at its midnight, with its effect on the daily rate (hourly price × 24 at
/// the new flavour minus at the old one).
/// </summary>
public sealed record ResourceEvent(DateOnly Day, ResourceEventKind Kind, string ProjectId, string InstanceId, string Name,
    string? FromFlavour, string? ToFlavour, Money PerDay);

/// <summary>A usage burst: <see cref="Amount"/> more consumption of one project and plan family, spent in the first
/// <see cref="UsageBurst.Hours"/> hours of <see cref="Day"/> (Paris).</summary>
public sealed record UsageBurst(DateOnly Day, string ProjectId, long ServiceId, string PlanFamily, string PlanCode, string UniqueId, long Minutes, Money Amount)
{
    public const int Hours = 12;

    public DateTimeOffset Start => ParisTime.At(Day.Year, Day.Month, Day.Day);
    public DateTimeOffset End => Start.AddHours(Hours);
}

/// <summary>A service renewed at the midnight of its expiry day <see cref="Day"/> (Paris): its expiry moves a month on.</summary>
public sealed record ServiceRenewalEvent(DateOnly Day, string ServiceName, long ServiceId, DateOnly From, DateOnly To);

/// <summary>
/// The account's changes after its first day, at known days from it (a function of the seed and that day only):
/// day +1 two hourly instances appear, +2 a third, +3 one of the first changes flavour, +5 the other vanishes, +9 one
/// project's usage bursts; days +4, +6, +7, +8 and +10 are quiet. The first service (servers, VPS, NetApp, others) that
/// renews automatically and expires within the next week (not today) is renewed on its expiry day. They are served as they happen: instance lists,
/// quotas, the month's consumption (hours run so far, exactly priced), its forecast and the bill of the 1st.
/// </summary>
public sealed partial class SimulatedAccount
{
    private const int EventStream = 6;

    /// <summary>Instances created after the account's first day (the flavour-changed one twice: before and after).</summary>
    public List<SimInstance> LaterInstances { get; } = [];

    public List<ResourceEvent> ResourceEvents { get; } = [];

    public List<UsageBurst> UsageBursts { get; } = [];

    public List<ServiceRenewalEvent> Renewals { get; } = [];

    /// <summary>The terms as served now: renewed once the day of their renewal has come.</summary>
    public ServiceTerms TermsNow(ServiceTerms terms)
    {
        var today = ParisTime.DateOf(clock.GetUtcNow());
        return Renewals.LastOrDefault(r => r.ServiceId == terms.ServiceId && r.Day <= today) is { } renewal
            ? terms with { Expiration = renewal.To, Status = "ok" }
            : terms;
    }

    /// <summary>Every instance the account ever has, listed or not at a given instant (<see cref="SimInstance.ExistsAt"/>).</summary>
    public IEnumerable<SimInstance> InstancesEver => Instances.Concat(LaterInstances);

    private void GenerateEvents(DateTimeOffset day)
    {
        GenerateRenewal(ParisTime.DateOf(day));
        if (CloudProjects.Count == 0) return;
        var r = SeededRandom.For(Seed, EventStream);
        var today = ParisTime.DateOf(day);
        var first = CloudProjects[0];
        var second = CloudProjects[Math.Min(1, CloudProjects.Count - 1)];
        FlavorSpec Flavour(string name) => Catalog.Flavors.Single(f => f.Name == name);
        DateTimeOffset Midnight(int days) => ParisTime.At(today.AddDays(days).Year, today.AddDays(days).Month, today.AddDays(days).Day);
        SimInstance New(SimCloudProject project, string name, string flavour, int createdOn) => new(
            r.Uuid(), project.Id, name, Flavour(flavour), project.Regions[0], Midnight(createdOn), false, "ACTIVE",
            $"57.130.{r.Next(0, 255)}.{r.Next(2, 250)}", "Debian 12");

        var resized = New(first, "api-resized", "b3-8", 1);
        var vanishing = New(second, "batch-temporary", "c3-16", 1);
        var added = New(first, "web-added", "b3-16", 2);
        var resizedAfter = resized with { Flavor = Flavour("b3-32"), Created = Midnight(3) };
        LaterInstances.AddRange([resized with { Deleted = Midnight(3) }, vanishing with { Deleted = Midnight(5) }, added, resizedAfter]);

        static Money PerDay(FlavorSpec? flavour) => flavour is null ? Money.Zero : Money.FromDecimal(flavour.HourlyPrice * 24);
        ResourceEvent Event(int days, ResourceEventKind kind, SimInstance i, FlavorSpec? from, FlavorSpec? to) =>
            new(today.AddDays(days), kind, i.ProjectId, i.Id, i.Name, from?.Name, to?.Name, PerDay(to) - PerDay(from));
        ResourceEvents.AddRange([
            Event(1, ResourceEventKind.Appeared, resized, null, resized.Flavor),
            Event(1, ResourceEventKind.Appeared, vanishing, null, vanishing.Flavor),
            Event(2, ResourceEventKind.Appeared, added, null, added.Flavor),
            Event(3, ResourceEventKind.FlavourChanged, resized, resized.Flavor, resizedAfter.Flavor),
            Event(5, ResourceEventKind.Gone, vanishing, vanishing.Flavor, null),
        ]);

        var minutes = 60L * r.Next(100, 200);
        UsageBursts.Add(new UsageBurst(today.AddDays(9), second.Id, second.Terms.ServiceId, "ai-training", "ai-training.l4-1-gpu.minute.consumption",
            $"{second.Id[..8]}-burst", minutes, Money.FromDecimal(minutes / 60m)));
    }

    private void GenerateRenewal(DateOnly today)
    {
        var services = DedicatedServers.Select(s => (s.Name, s.Terms)).Concat(Vps.Select(v => (v.Name, v.Terms)))
            .Concat(NetApps.Select(n => (n.Id, n.Terms))).Concat(OtherServices.Select(o => (o.Name, o.Terms)));
        foreach (var (name, terms) in services)
        {
            if (terms.Renew == RenewKind.Manual || terms.Expiration <= today || terms.Expiration > today.AddDays(7)) continue;
            Renewals.Add(new ServiceRenewalEvent(terms.Expiration, name, terms.ServiceId, terms.Expiration, terms.Expiration.AddMonths(1)));
            return;
        }
    }

    /// <summary>The plan element of the bursts of <paramref name="month"/> (full amounts).</summary>
    private IEnumerable<ConsumptionElement> BurstElements(BillingMonth month, bool fr) =>
        UsageBursts.Where(b => BillingMonth.Of(b.Start) == month).Select(b => new ConsumptionElement(
            b.ServiceId, b.ProjectId, b.PlanFamily, b.PlanCode, "minute", CloudProjects.Single(p => p.Id == b.ProjectId).Regions[0], "ai1-l4-gpu",
            fr ? $"AI Training - 1 GPU L4 - {b.Minutes} minutes (pic d'usage)" : $"AI Training - 1 x L4 GPU - {b.Minutes} minutes (usage burst)",
            [new ConsumptionDetail(b.UniqueId, b.Minutes, b.Amount)]));
}
