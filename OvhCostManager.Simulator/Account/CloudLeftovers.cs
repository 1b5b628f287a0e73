using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>A block-storage volume of a project (<c>/cloud/project/{id}/volume</c>); <see cref="AttachedTo"/> empty: attached to nothing.</summary>
public sealed record SimVolume(string Id, string ProjectId, string Name, string Region, string Type, int SizeGb, IReadOnlyList<string> AttachedTo, DateTimeOffset Created);

/// <summary>A volume snapshot (<c>/cloud/project/{id}/volume/snapshot</c>), taken of <see cref="VolumeId"/>.</summary>
public sealed record SimVolumeSnapshot(string Id, string ProjectId, string Name, string Region, string VolumeId, int SizeGb, DateTimeOffset Created);

/// <summary>A failover IP of a project (<c>/cloud/project/{id}/ip/failover</c>); <see cref="RoutedTo"/> null: routed nowhere.</summary>
public sealed record SimFailoverIp(string Id, string ProjectId, string Ip, string Geoloc, string? RoutedTo);

public sealed partial class SimulatedAccount
{
    private const int LeftoversStream = 21;

    public List<SimVolume> Volumes { get; } = [];
    public List<SimVolumeSnapshot> VolumeSnapshots { get; } = [];
    public List<SimFailoverIp> FailoverIps { get; } = [];

    /// <summary>
    /// Every project with instances gets a volume attached to each instance, a snapshot of it and a failover IP routed to
    /// its first instance. The first such project also holds the three leftovers the ground truth lists: a volume attached
    /// to nothing, a snapshot of a volume deleted since, and a failover IP routed nowhere.
    /// </summary>
    private void GenerateCloudLeftovers()
    {
        var r = SeededRandom.For(Seed, LeftoversStream);
        var seeded = false;
        foreach (var project in CloudProjects)
        {
            var instances = Instances.Where(i => i.ProjectId == project.Id).ToList();
            if (instances.Count == 0) continue;
            foreach (var instance in instances)
            {
                var volume = new SimVolume(r.Uuid(), project.Id, $"data-{instance.Name}", instance.Region, r.Pick(Catalog.VolumeTypes).Type,
                    50 * r.Next(1, 11), [instance.Id], instance.Created.AddHours(1));
                Volumes.Add(volume);
                VolumeSnapshots.Add(new SimVolumeSnapshot(r.Uuid(), project.Id, $"{volume.Name}-backup", volume.Region, volume.Id, volume.SizeGb, volume.Created.AddDays(1)));
            }

            FailoverIps.Add(new SimFailoverIp(r.Uuid(), project.Id, $"178.32.{r.Next(0, 255)}.{r.Next(2, 250)}", "fr", instances[0].Id));
            if (seeded) continue;
            seeded = true;
            var region = instances[0].Region;
            var created = instances[0].Created.AddHours(2);
            Volumes.Add(new SimVolume(r.Uuid(), project.Id, "old-data-disk", region, "classic", 50 * r.Next(2, 21), [], created));
            VolumeSnapshots.Add(new SimVolumeSnapshot(r.Uuid(), project.Id, "db-before-migration", region, r.Uuid(), 10 * r.Next(5, 31), created));
            FailoverIps.Add(new SimFailoverIp(r.Uuid(), project.Id, $"178.33.{r.Next(0, 255)}.{r.Next(2, 250)}", "fr", null));
        }
    }

    /// <summary>Instances <c>/cloud/project/{id}/instance</c> lists at <paramref name="now"/>.</summary>
    internal IEnumerable<SimInstance> ListedInstances(DateTimeOffset now) => Instances.Where(i => i.Created <= now);
}

/// <summary>One Public Cloud leftover the ground truth expects to be found, with its monthly price (730 h month, catalogue prices).</summary>
public sealed record LeftoverTruth(string Kind, string ProjectId, string Id, Money MonthlyPrice);

/// <summary>An instance billed by the hour: its flavour's two prices and its hours (and their cost) per month.</summary>
public sealed record HourlyInstanceTruth(
    string InstanceId, string ProjectId, string Flavor, Money HourlyPrice, Money MonthlyPrice,
    long PreviousMonthHours, Money PreviousMonthAmount, long CurrentMonthHours, Money CurrentMonthAmount);

internal static class CloudLeftoversTruth
{
    /// <summary>OVH's price pages turn hourly prices into monthly ones over 730 hours; so do the leftovers' figures.</summary>
    public const int HoursPerMonth = 730;

    public static IReadOnlyList<LeftoverTruth> Leftovers(SimulatedAccount account, DateTimeOffset now)
    {
        var live = account.ListedInstances(now).Select(i => i.Id).ToHashSet(StringComparer.Ordinal);
        var volumes = account.Volumes.Select(v => v.Id).ToHashSet(StringComparer.Ordinal);
        return account.Volumes.Where(v => !v.AttachedTo.Any(live.Contains))
                .Select(v => new LeftoverTruth("volume", v.ProjectId, v.Id, PerMonth(Catalog.VolumeTypes.Single(t => t.Type == v.Type).PricePerGbHour * v.SizeGb)))
            .Concat(account.VolumeSnapshots.Where(s => !volumes.Contains(s.VolumeId))
                .Select(s => new LeftoverTruth("snapshot", s.ProjectId, s.Id, PerMonth(Catalog.SnapshotPricePerGbHour * s.SizeGb))))
            .Concat(account.FailoverIps.Where(ip => ip.RoutedTo is null || !live.Contains(ip.RoutedTo))
                .Select(ip => new LeftoverTruth("failoverIp", ip.ProjectId, ip.Id, Money.FromDecimal(Catalog.FailoverIpMonthlyPrice))))
            .ToList();
    }

    public static IReadOnlyList<HourlyInstanceTruth> HourlyInstances(SimulatedAccount account, DateTimeOffset now)
    {
        var month = BillingMonth.Of(now);
        var previous = account.ClosedConsumptionMonths(now).Any() ? ConsumptionView.Closed(account, month.Previous) : [];
        var current = ConsumptionView.Current(account, now);
        ConsumptionDetail? Detail(IReadOnlyList<ConsumptionElement> elements, string id) =>
            elements.Where(e => e.PlanFamily == "instance").SelectMany(e => e.Details).FirstOrDefault(d => d.UniqueId == id);
        return account.ListedInstances(now).Where(i => !i.MonthlyBilling).Select(i =>
        {
            var before = Detail(previous, i.Id);
            var soFar = Detail(current, i.Id);
            return new HourlyInstanceTruth(i.Id, i.ProjectId, i.Flavor.Name, Money.FromDecimal(i.Flavor.HourlyPrice), Money.FromDecimal(i.Flavor.MonthlyPrice),
                before?.Quantity ?? 0, before?.Amount ?? Money.Zero, soFar?.Quantity ?? 0, soFar?.Amount ?? Money.Zero);
        }).ToList();
    }

    private static Money PerMonth(decimal hourly) => Money.FromDecimal(hourly * HoursPerMonth);
}
