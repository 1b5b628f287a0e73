using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Core.Costs;

/// <summary>Why a cost sits in its month.</summary>
public enum CostBasis
{
    /// <summary>Invoiced lens: the month of the line's bill.</summary>
    BillDate,

    /// <summary>Incurred lens: the line's share of the days of its service period in the month.</summary>
    ServicePeriod,

    /// <summary>Incurred lens, a line without a usable service period: it keeps its bill date (counted and shown).</summary>
    BillDateWithoutPeriod,

    /// <summary>Incurred lens: the month's pay-as-you-go consumption so far, not billed yet (latest reading).</summary>
    NotBilledYet,

    /// <summary>Not a cost: OVH's forecast of the month's consumption (<see cref="CostLedger.GetConsumptionForecastAsync"/>).</summary>
    Forecast,
}

/// <summary>
/// One cost of a month under a lens: a bill line (whole, or its share of the month) or the consumption not billed
/// yet of one service. <see cref="From"/>–<see cref="To"/> are the days of the month it covers.
/// </summary>
public sealed record CostEntry(
    string? BillId,
    string? DetailId,
    string ServiceName,
    ResourceType Type,
    ServiceCategory Category,
    string? CloudProjectId,
    string? ResourceKey,
    bool IsGpu,
    string? GpuModel,
    Money Amount,
    CostBasis Basis,
    DateOnly From,
    DateOnly To)
{
    public CostFamily Family => CostFamilies.Of(Type);

    /// <summary>The part of <see cref="Amount"/> for the days up to <paramref name="day"/> (included), prorated by day.</summary>
    public Money Through(DateOnly day)
    {
        if (day >= To)
        {
            return Amount;
        }

        if (day < From)
        {
            return Money.Zero;
        }

        var days = To.DayNumber - From.DayNumber + 1;
        return new Money((long)((Int128)Amount.Ucents * (day.DayNumber - From.DayNumber + 1) / days));
    }
}

/// <summary>Every cost of one month under one lens.</summary>
public sealed record CostMonth(string Month, CostLens Lens, IReadOnlyList<CostEntry> Entries, DateTimeOffset? NotBilledReadAtUtc)
{
    public Money Total => Money.Sum(Entries.Select(e => e.Amount));

    /// <summary>Bill lines behind the month (a line spread over several months counts in each).</summary>
    public int Lines => Entries.Count(e => e.Basis != CostBasis.NotBilledYet);

    /// <summary>Incurred lens: lines placed by their bill date for want of a service period.</summary>
    public int LinesWithoutPeriod => Entries.Count(e => e.Basis == CostBasis.BillDateWithoutPeriod);

    public Money NotBilledYet => Money.Sum(Entries.Where(e => e.Basis == CostBasis.NotBilledYet).Select(e => e.Amount));

    /// <summary>The month's costs up to <paramref name="day"/> included (services prorated by day).</summary>
    public Money Through(DateOnly day) => Money.Sum(Entries.Select(e => e.Through(day)));
}

/// <summary>One cell of a summary over months: a month's amount for one category, resource type and GPU flag.</summary>
public sealed record CostCell(string Month, ServiceCategory Category, ResourceType Type, bool IsGpu, Money Amount);

/// <summary>
/// The one place that decides what a month costs under a lens (<see cref="CostLens"/>); every tab, export and report
/// reads its amounts from here.
/// </summary>
public sealed class CostLedger(IDbContextFactory<CostDbContext> contexts, LineClassifier classifier)
{
    private const int KeptSummaries = 64;

    private readonly ConcurrentDictionary<(string Months, CostLens Lens), (DataVersion Version, IReadOnlyList<CostCell> Cells)> summaries = new();

    /// <summary>
    /// OVH bills a month's pay-as-you-go consumption on one <c>purchase-cloud</c> bill dated early in the next month;
    /// until that bill exists, the month's consumption is read from <c>/me/consumption/usage/current</c>.
    /// </summary>
    public const string ConsumptionBillCategory = "purchase-cloud";

    public async Task<CostMonth> GetMonthAsync(string month, CostLens lens, CancellationToken cancellationToken = default) =>
        (await GetMonthsAsync([month], lens, cancellationToken))[0];

    /// <summary>The given months (<c>YYYY-MM</c>), in the order given, read in one pass.</summary>
    public async Task<IReadOnlyList<CostMonth>> GetMonthsAsync(IReadOnlyList<string> months, CostLens lens, CancellationToken cancellationToken = default)
    {
        if (months.Count == 0)
        {
            return [];
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
        var wanted = months.ToHashSet(StringComparer.Ordinal);
        // Incurred: a line billed in another month may cover days of these (a yearly renewal, last month's consumption).
        var monthList = wanted.ToList();
        var candidates = lens == CostLens.Invoiced
            ? db.BillLines.Where(l => monthList.Contains(l.BillingMonth))
            : db.BillLines.Where(ServicePeriod.Covering(monthList));
        var lines = await candidates
            .Select(l => new LineRow(l.BillId, l.DetailId, l.Domain, l.ResourceType, l.Category, l.CloudProjectId, l.ResourceKey,
                l.IsGpu, l.GpuModel, l.Total, l.PeriodStart, l.PeriodEnd, l.BillingMonth, l.Bill!.DateUtc))
            .ToListAsync(cancellationToken);

        var entries = months.Distinct(StringComparer.Ordinal).ToDictionary(m => m, _ => new List<CostEntry>(), StringComparer.Ordinal);
        foreach (var line in lines)
        {
            foreach (var (month, entry) in Place(line, lens, zone))
            {
                if (wanted.Contains(month))
                {
                    entries[month].Add(entry);
                }
            }
        }

        var readAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        if (lens == CostLens.Incurred)
        {
            foreach (var month in entries.Keys)
            {
                if (await NotBilledYetAsync(db, month, zone, cancellationToken) is { } reading)
                {
                    entries[month].AddRange(reading.Entries);
                    readAt[month] = reading.ReadAtUtc;
                }
            }
        }

        return months.Select(m => new CostMonth(m, lens, entries[m], readAt.TryGetValue(m, out var at) ? at : null)).ToList();
    }

    /// <summary>
    /// The same amounts as <see cref="GetMonthsAsync"/>, summed per month, category, resource type and GPU flag, for
    /// windows of many months: lines that lie in one month are summed by SQLite (their share is the whole line), only
    /// the lines spread over several months are split here, line by line, so the sums stay exact.
    /// </summary>
    public async Task<IReadOnlyList<CostCell>> GetSummaryAsync(IReadOnlyList<string> months, CostLens lens, CancellationToken cancellationToken = default)
    {
        if (months.Count == 0)
        {
            return [];
        }

        // A long window over a large account takes a few hundred milliseconds to sum and changes only with the store:
        // the last summaries are kept until a sync run ends or lines or readings come or go.
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var version = new DataVersion(
            await db.SyncRuns.MaxAsync(r => (long?)r.Id, cancellationToken),
            await db.SyncRuns.CountAsync(r => r.Status != SyncRunStatus.Running, cancellationToken),
            await db.BillLines.CountAsync(cancellationToken),
            await db.ConsumptionSnapshots.MaxAsync(s => (long?)s.Id, cancellationToken));
        var key = (string.Join(',', months), lens);
        if (summaries.TryGetValue(key, out var kept) && kept.Version == version)
        {
            return kept.Cells;
        }

        var cells = await SummariseAsync(db, months, lens, cancellationToken);
        if (summaries.Count >= KeptSummaries)
        {
            summaries.Clear();
        }

        summaries[key] = (version, cells);
        return cells;
    }

    private async Task<IReadOnlyList<CostCell>> SummariseAsync(CostDbContext db, IReadOnlyList<string> months, CostLens lens, CancellationToken cancellationToken)
    {
        var wanted = months.ToHashSet(StringComparer.Ordinal);
        var (from, to) = (months.Min(StringComparer.Ordinal)!, months.Max(StringComparer.Ordinal)!);
        var (firstDay, lastDay) = (BillingMonth.Days(from).First, BillingMonth.Days(to).Last);
        var cells = new Dictionary<(string Month, ServiceCategory Category, ResourceType Type, bool IsGpu), Money>();
        void Add(string month, ServiceCategory category, ResourceType type, bool isGpu, Money amount)
        {
            if (wanted.Contains(month))
            {
                cells[(month, category, type, isGpu)] = cells.GetValueOrDefault((month, category, type, isGpu)) + amount;
            }
        }

        var inRange = db.BillLines.Where(l => string.Compare(l.BillingMonth, from) >= 0 && string.Compare(l.BillingMonth, to) <= 0);
        if (lens == CostLens.Invoiced)
        {
            foreach (var g in await inRange.GroupBy(l => new { l.BillingMonth, l.Category, l.ResourceType, l.IsGpu })
                         .Select(g => new { g.Key, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) }).ToListAsync(cancellationToken))
            {
                Add(g.Key.BillingMonth, g.Key.Category, g.Key.ResourceType, g.Key.IsGpu, new Money(g.Ucents));
            }
        }
        else
        {
            var withoutPeriod = inRange.Where(l => l.PeriodStart == null || l.PeriodEnd == null || l.PeriodEnd < l.PeriodStart);
            foreach (var g in await withoutPeriod.GroupBy(l => new { l.BillingMonth, l.Category, l.ResourceType, l.IsGpu })
                         .Select(g => new { g.Key, Ucents = g.Sum(l => MoneyQueryable.UcentsOf(l.Total)) }).ToListAsync(cancellationToken))
            {
                Add(g.Key.BillingMonth, g.Key.Category, g.Key.ResourceType, g.Key.IsGpu, new Money(g.Ucents));
            }

            // Lines within one or two calendar months (consumption, monthly plans, renewals from any day) are split by
            // SQLite with the same integer arithmetic as ServicePeriod.Split: the first month's share is
            // Total × its days / the period's days, truncated; the second month has the rest. Longer periods come
            // back one line per row (grouped by rowid) and are split here. The day arithmetic works on the text
            // dates (yyyy-MM-dd): SQLite's date functions cost more than the sums.
            var first = firstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var last = lastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var groups = await db.Database.SqlQuery<PeriodGroup>($"""
                SELECT FirstMonth, SecondMonth, Category, ResourceType, IsGpu, SecondMonth > NextMonth AS Longer,
                       MIN(PeriodStart) AS PeriodStart, MIN(PeriodEnd) AS PeriodEnd, SUM(Total) AS Whole,
                       SUM(CASE WHEN FirstMonth = SecondMonth THEN Total ELSE Total * FirstDays / (FirstDays + EndDay) END) AS First
                FROM (
                    SELECT rowid AS Line, PeriodStart, PeriodEnd, Category, ResourceType, IsGpu, Total,
                           substr(PeriodStart, 1, 7) AS FirstMonth, substr(PeriodEnd, 1, 7) AS SecondMonth,
                           CASE WHEN Month = 12 THEN printf('%04d-01', Year + 1) ELSE printf('%04d-%02d', Year, Month + 1) END AS NextMonth,
                           CAST(substr(PeriodEnd, 9, 2) AS INTEGER) AS EndDay,
                           CASE Month
                               WHEN 2 THEN CASE WHEN (Year % 4 = 0 AND Year % 100 <> 0) OR Year % 400 = 0 THEN 29 ELSE 28 END
                               WHEN 4 THEN 30 WHEN 6 THEN 30 WHEN 9 THEN 30 WHEN 11 THEN 30 ELSE 31
                           END - CAST(substr(PeriodStart, 9, 2) AS INTEGER) + 1 AS FirstDays
                    FROM (SELECT rowid, *, CAST(substr(PeriodStart, 1, 4) AS INTEGER) AS Year, CAST(substr(PeriodStart, 6, 2) AS INTEGER) AS Month
                          FROM bill_lines
                          WHERE PeriodStart <= {last} AND PeriodEnd >= {first} AND PeriodEnd >= PeriodStart)
                )
                GROUP BY FirstMonth, SecondMonth, Category, ResourceType, IsGpu, CASE WHEN SecondMonth > NextMonth THEN Line END
                """).ToListAsync(cancellationToken);
            foreach (var g in groups)
            {
                var (category, type) = (Enum.Parse<ServiceCategory>(g.Category), Enum.Parse<ResourceType>(g.ResourceType));
                if (!g.Longer)
                {
                    Add(g.FirstMonth, category, type, g.IsGpu, new Money(g.First));
                    if (g.SecondMonth != g.FirstMonth)
                    {
                        Add(g.SecondMonth, category, type, g.IsGpu, new Money(g.Whole - g.First));
                    }
                }
                else if (ServicePeriod.IsUsable(g.PeriodStart, g.PeriodEnd))
                {
                    foreach (var share in ServicePeriod.Split(new Money(g.Whole), g.PeriodStart, g.PeriodEnd))
                    {
                        Add(share.Month, category, type, g.IsGpu, share.Amount);
                    }
                }
            }

            // A period longer than ServicePeriod.LongestDays is not usable: such a line keeps its bill month.
            foreach (var line in await inRange.Where(l => l.PeriodEnd >= l.PeriodStart!.Value.AddDays(ServicePeriod.LongestDays))
                         .Select(l => new { l.BillingMonth, l.Category, l.ResourceType, l.IsGpu, l.Total }).ToListAsync(cancellationToken))
            {
                Add(line.BillingMonth, line.Category, line.ResourceType, line.IsGpu, line.Total);
            }

            var zone = await AccountTimeZone.ReadAsync(db, cancellationToken);
            foreach (var month in wanted)
            {
                if (await NotBilledYetAsync(db, month, zone, cancellationToken) is { } reading)
                {
                    foreach (var entry in reading.Entries)
                    {
                        Add(month, entry.Category, entry.Type, entry.IsGpu, entry.Amount);
                    }
                }
            }
        }

        return cells.Select(c => new CostCell(c.Key.Month, c.Key.Category, c.Key.Type, c.Key.IsGpu, c.Value)).ToList();
    }

    private static IEnumerable<(string Month, CostEntry Entry)> Place(LineRow line, CostLens lens, TimeZoneInfo zone)
    {
        var billDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(line.BillDateUtc, zone).DateTime);
        if (lens == CostLens.Invoiced || !ServicePeriod.IsUsable(line.PeriodStart, line.PeriodEnd))
        {
            yield return (line.BillingMonth, line.Entry(line.Total, lens == CostLens.Invoiced ? CostBasis.BillDate : CostBasis.BillDateWithoutPeriod, billDay, billDay));
            yield break;
        }

        foreach (var share in ServicePeriod.Split(line.Total, line.PeriodStart!.Value, line.PeriodEnd!.Value))
        {
            yield return (share.Month, line.Entry(share.Amount, CostBasis.ServicePeriod, share.From, share.To));
        }
    }

    /// <summary>The latest current-consumption reading of <paramref name="month"/>, unless its consumption bill has come.</summary>
    private async Task<(IReadOnlyList<CostEntry> Entries, DateTimeOffset ReadAtUtc)?> NotBilledYetAsync(CostDbContext db, string month, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var next = BillingMonth.Next(month);
        if (await db.Bills.AnyAsync(b => b.BillingMonth == next && b.Category == ConsumptionBillCategory, cancellationToken))
        {
            return null;
        }

        var reading = await db.ConsumptionSnapshots
            .Where(s => s.Kind == ConsumptionKind.Current && s.Month == month)
            .OrderByDescending(s => s.TakenAtUtc).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.TakenAtUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (reading is null)
        {
            return null;
        }

        var (first, last) = BillingMonth.Days(month);
        var readDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(reading.TakenAtUtc, zone).DateTime);
        var through = readDay < first ? first : readDay > last ? last : readDay;
        var entries = await ReadingEntriesAsync(db, reading.Id, CostBasis.NotBilledYet, first, through, cancellationToken);
        return (entries, reading.TakenAtUtc);
    }

    /// <summary>
    /// OVH's latest forecast of <paramref name="month"/>'s pay-as-you-go consumption, one entry per service and plan,
    /// labelled like the consumption not billed yet (so a budget of a family, project or service takes its part).
    /// Not a cost: the entries are never part of a <see cref="CostMonth"/>.
    /// </summary>
    public async Task<IReadOnlyList<CostEntry>> GetConsumptionForecastAsync(string month, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var reading = await db.ConsumptionSnapshots
            .Where(s => s.Kind == ConsumptionKind.Forecast && s.Month == month)
            .OrderByDescending(s => s.TakenAtUtc).ThenByDescending(s => s.Id)
            .Select(s => (long?)s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var (first, last) = BillingMonth.Days(month);
        return reading is { } id ? await ReadingEntriesAsync(db, id, CostBasis.Forecast, first, last, cancellationToken) : [];
    }

    private async Task<List<CostEntry>> ReadingEntriesAsync(CostDbContext db, long snapshotId, CostBasis basis, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var items = await db.ConsumptionSnapshotItems.Where(i => i.SnapshotId == snapshotId)
            .Select(i => new { i.ServiceId, i.PlanFamily, i.PlanCode, i.Amount })
            .ToListAsync(cancellationToken);
        var ids = items.Select(i => i.ServiceId).Distinct().ToList();
        var names = await db.ServiceRenewals.Where(r => r.ServiceId != null && ids.Contains(r.ServiceId!.Value))
            .Select(r => new { Id = r.ServiceId!.Value, r.ServiceName })
            .ToListAsync(cancellationToken);
        var nameOf = names.GroupBy(n => n.Id).ToDictionary(g => g.Key, g => g.First().ServiceName);
        var labeller = await LineLabeller.FromStoreAsync(contexts, classifier, cancellationToken);

        var entries = items
            .GroupBy(i => (i.ServiceId, Family: i.PlanFamily ?? "", Code: i.PlanCode ?? ""))
            .Select(g =>
            {
                var line = new BillLine
                {
                    Description = $"{g.Key.Family} {g.Key.Code}".Trim(),
                    Domain = nameOf.GetValueOrDefault(g.Key.ServiceId) ?? g.Key.ServiceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                };
                labeller.Label(line);
                return new CostEntry(null, null, line.Domain, line.ResourceType, line.Category, line.CloudProjectId, line.ResourceKey,
                    line.IsGpu, line.GpuModel, Money.Sum(g.Select(i => i.Amount)), basis, from, to);
            })
            .ToList();
        return entries;
    }

    /// <summary>What a summary depends on: every sync that stores bill lines or a consumption reading moves it.</summary>
    private sealed record DataVersion(long? LatestRun, int EndedRuns, int Lines, long? LatestReading);

    private sealed record PeriodGroup(
        string FirstMonth, string SecondMonth, string Category, string ResourceType, bool IsGpu, bool Longer,
        DateOnly PeriodStart, DateOnly PeriodEnd, long Whole, long First);

    private sealed record LineRow(
        string BillId, string DetailId, string Domain, ResourceType Type, ServiceCategory Category, string? CloudProjectId,
        string? ResourceKey, bool IsGpu, string? GpuModel, Money Total, DateOnly? PeriodStart, DateOnly? PeriodEnd,
        string BillingMonth, DateTimeOffset BillDateUtc)
    {
        public CostEntry Entry(Money amount, CostBasis basis, DateOnly from, DateOnly to) =>
            new(BillId, DetailId, Domain, Type, Category, CloudProjectId, ResourceKey, IsGpu, GpuModel, amount, basis, from, to);
    }
}
