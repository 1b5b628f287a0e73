using System.Globalization;
using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Export;

/// <summary>An optional range of billing months for the full exports; both ends included.</summary>
public sealed record MonthRange(string? From, string? To)
{
    public static readonly MonthRange All = new(null, null);

    /// <summary>Reads <c>?from=YYYY-MM&amp;to=YYYY-MM</c>; either may be missing; refuses malformed or reversed months.</summary>
    public static bool TryParse(string? from, string? to, out MonthRange range, out string error)
    {
        range = All;
        string f = "", t = "";
        if ((from is not null && !BillingMonth.TryParse(from, out f, out error)) || (to is not null && !BillingMonth.TryParse(to, out t, out error)))
        {
            error = $"from/to: {error}";
            return false;
        }

        if (from is not null && to is not null && string.CompareOrdinal(f, t) > 0)
        {
            error = $"from ({f}) is after to ({t}).";
            return false;
        }

        range = new MonthRange(from is null ? null : f, to is null ? null : t);
        error = "";
        return true;
    }

    public string FileSuffix => (From, To) switch
    {
        (null, null) => "all",
        ({ } f, null) => $"{f}_",
        (null, { } t) => $"_{t}",
        ({ } f, { } t) => $"{f}_{t}",
    };
}

/// <summary>
/// The full CSV exports (bills, bill lines enriched with resource type and payment status, cost per project,
/// inventory). Rows are read lazily from one context while the CSV is written, so a whole account streams without
/// being held in memory. Headers and enum labels come from <c>label</c> (the UI's resources, keys such as
/// <c>ExportColBill</c>, <c>Category.Compute</c>, <c>ResourceType.Vps</c>, <c>PaymentStatus.Paid</c>).
/// </summary>
public sealed class FullExports(IDbContextFactory<CostDbContext> contexts, CostLedger ledger)
{
    public CsvTable Bills(MonthRange range, Func<string, string> label) => new(
        Headers(label, "ExportColBill", "ExportColDate", "ExportColMonth", "ExportColWithoutTax", "ExportColTax", "ExportColWithTax", "ExportColCurrency", "ExportColPaymentStatus", "ExportColPaymentType"),
        Stream(db => Filter(db.Bills, range).OrderBy(b => b.DateUtc).ThenBy(b => b.Id), (b, zone) => new CsvCell[]
        {
            b.Id, LocalDate(b.DateUtc, zone), b.BillingMonth, b.PriceWithoutTax.RoundedToCent, b.Tax.RoundedToCent, b.PriceWithTax.RoundedToCent, b.Currency,
            label("PaymentStatus." + b.PaymentStatus), b.PaymentType,
        }));

    public CsvTable BillLines(MonthRange range, Func<string, string> label) => new(
        Headers(label, "ExportColBill", "ExportColDate", "ExportColMonth", "ExportColProject", "ExportColProjectId", "ExportColCategory", "ExportColResourceType",
            "ExportColService", "ExportColDescription", "ExportColQuantity", "ExportColUnitPrice", "ExportColTotal", "ExportColPaymentStatus"),
        Stream(db =>
            from l in Filter(db.BillLines, range)
            join p in db.CloudProjects on l.CloudProjectId equals p.Id into projects
            from p in projects.DefaultIfEmpty()
            orderby l.Bill!.DateUtc, l.BillId, l.DetailId
            select new { Line = l, l.Bill!.DateUtc, l.Bill.PaymentStatus, ProjectName = p == null ? null : p.Name },
            (r, zone) => new CsvCell[]
            {
                r.Line.BillId, LocalDate(r.DateUtc, zone), r.Line.BillingMonth, r.ProjectName ?? r.Line.CloudProjectId, r.Line.CloudProjectId,
                label("Category." + r.Line.Category), label("ResourceType." + r.Line.ResourceType), r.Line.Domain, r.Line.Description,
                new CsvCell.Number(r.Line.Quantity, Decimals(r.Line.Quantity)), r.Line.UnitPrice.Amount, r.Line.Total.Amount, label("PaymentStatus." + r.PaymentStatus),
            }));

    /// <summary>Cost per cloud project over the range under <paramref name="lens"/>, the lens named on every row.</summary>
    public async Task<CsvTable> CostByProjectAsync(MonthRange range, CostLens lens, Func<string, string> label, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var billed = await db.Bills.Select(b => b.BillingMonth).Distinct().OrderBy(m => m).ToListAsync(cancellationToken);
        var names = await db.CloudProjects.ToDictionaryAsync(p => p.Id, p => p.Name, StringComparer.Ordinal, cancellationToken);
        var rows = new List<IReadOnlyList<CsvCell>>();
        if (billed.Count > 0)
        {
            var (from, to) = (range.From ?? billed[0], range.To ?? billed[^1]);
            var months = new List<string>();
            for (var m = from; string.CompareOrdinal(m, to) <= 0; m = BillingMonth.Next(m))
            {
                months.Add(m);
            }

            var entries = (await ledger.GetMonthsAsync(months, lens, cancellationToken)).SelectMany(m => m.Entries).Where(e => e.CloudProjectId != null);
            rows.AddRange(entries.GroupBy(e => e.CloudProjectId!)
                .Select(g => (Id: g.Key, Amount: Money.Sum(g.Select(e => e.Amount)), Lines: g.Count()))
                .OrderByDescending(r => r.Amount).ThenBy(r => r.Id, StringComparer.Ordinal)
                .Select(r => (IReadOnlyList<CsvCell>)[names.GetValueOrDefault(r.Id) ?? r.Id, r.Id, r.Amount.Amount, r.Lines, label("Lens." + lens)]));
        }

        return new CsvTable(Headers(label, "ExportColProject", "ExportColProjectId", "ExportColTotal", "ExportColLines", "ExportColLens"), rows);
    }

    public CsvTable Inventory(Func<string, string> label) => new(
        Headers(label, "ExportColType", "ExportColId", "ExportColName", "ExportColLocation", "ExportColSpecs", "ExportColState", "ExportColExpiration", "ExportColRenewal"),
        InventoryRows(label));

    private IEnumerable<IReadOnlyList<CsvCell>> InventoryRows(Func<string, string> label)
    {
        using var db = contexts.CreateDbContext();
        foreach (var s in db.DedicatedServers.OrderBy(s => s.Name).AsEnumerable())
        {
            yield return [label("ResourceType.DedicatedServer"), s.Name, s.DisplayName ?? s.Name, s.Datacenter, Join(s.CpuSummary, s.MemoryMb is { } mb ? $"{mb / 1024} GB RAM" : null, s.DiskSummary),
                s.State, Expiry(s.ExpiresOn), label("Renewal." + s.RenewalMode)];
        }

        foreach (var v in db.Vps.OrderBy(v => v.Name).AsEnumerable())
        {
            yield return [label("ResourceType.Vps"), v.Name, v.DisplayName ?? v.Name, v.Zone, Join(v.Vcores is { } c ? $"{c} vCPU" : null, v.MemoryMb is { } mb ? $"{mb} MB RAM" : null, v.DiskGb is { } gb ? $"{gb} GB" : null),
                v.State, Expiry(v.ExpiresOn), label("Renewal." + v.RenewalMode)];
        }

        foreach (var n in db.NetAppStorages.OrderBy(n => n.Name).AsEnumerable())
        {
            yield return [label("ResourceType.Storage"), n.Id, n.Name, n.Region, Join(n.PerformanceLevel, $"{n.SizeBytes / 1_000_000_000} GB"),
                n.Status, Expiry(n.ExpiresOn), label("Renewal." + n.RenewalMode)];
        }

        foreach (var p in db.CloudProjects.Where(p => p.RemovedAtUtc == null).OrderBy(p => p.Name).AsEnumerable())
        {
            yield return [label("ResourceType.CloudProject"), p.Id, p.Name, new CsvCell.Text(null), p.PlanCode, p.Status, new CsvCell.Text(null), label("Renewal." + RenewalMode.Automatic)];
        }
    }

    private static CsvCell Expiry(DateOnly? date) => date is { } d ? d : new CsvCell.Text(null);

    private static string? Join(params string?[] parts) =>
        parts.Any(p => !string.IsNullOrWhiteSpace(p)) ? string.Join(" / ", parts.Where(p => !string.IsNullOrWhiteSpace(p))) : null;

    private static int Decimals(decimal quantity) => Math.Min(8, (int)((decimal.GetBits(quantity)[3] >> 16) & 0xFF));

    private static DateOnly LocalDate(DateTimeOffset utc, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, zone).DateTime);

    private static string[] Headers(Func<string, string> label, params string[] keys) => keys.Select(label).ToArray();

    private static IQueryable<Bill> Filter(IQueryable<Bill> bills, MonthRange range)
    {
        if (range.From is { } f) bills = bills.Where(b => string.Compare(b.BillingMonth, f) >= 0);
        if (range.To is { } t) bills = bills.Where(b => string.Compare(b.BillingMonth, t) <= 0);
        return bills;
    }

    private static IQueryable<BillLine> Filter(IQueryable<BillLine> lines, MonthRange range)
    {
        if (range.From is { } f) lines = lines.Where(l => string.Compare(l.BillingMonth, f) >= 0);
        if (range.To is { } t) lines = lines.Where(l => string.Compare(l.BillingMonth, t) <= 0);
        return lines;
    }

    private IEnumerable<IReadOnlyList<CsvCell>> Stream<T>(Func<CostDbContext, IQueryable<T>> query, Func<T, TimeZoneInfo, IReadOnlyList<CsvCell>> row)
    {
        using var db = contexts.CreateDbContext();
        var zoneId = db.AccountSettings.Where(s => s.Id == AccountSettings.SingletonId).Select(s => s.TimeZoneId).FirstOrDefault() ?? AccountSettings.DefaultTimeZoneId;
        var zone = AccountTimeZone.Find(zoneId);
        foreach (var item in query(db).AsEnumerable())
        {
            yield return row(item, zone);
        }
    }
}

