using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Export;
using OvhCostManager.Core.Reports;
using OvhCostManager.Tests.Infrastructure;
using OvhCostManager.Tests.Integration.Data;

namespace OvhCostManager.Tests.Integration.Export;

[Collection(ImportedAccountCollection.Name)]
public sealed class FullExportsTests(ImportedAccountFixture account)
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private FullExports Exports => account.Services.GetRequiredService<FullExports>();

    [Fact]
    public async Task Bill_lines_export_of_a_month_adds_up_to_the_ground_truth_and_carries_resource_type_and_payment_status()
    {
        var month = account.GroundTruth.Months.Keys.Last();
        var rows = await CsvRowsAsync(Exports.BillLines(new MonthRange(month, month), k => k), English);
        Assert.Equal("ExportColResourceType", rows[0][6]);
        Assert.Equal("ExportColPaymentStatus", rows[0][12]);
        var lines = rows.Skip(1).ToList();
        Assert.Equal(account.GroundTruth.Months[month].Lines, lines.Count);
        Assert.All(lines, l => Assert.StartsWith("ResourceType.", l[6]));
        Assert.All(lines, l => Assert.StartsWith("PaymentStatus.", l[12]));
        var sum = lines.Sum(l => decimal.Parse(l[11], NumberStyles.Number | NumberStyles.AllowLeadingSign, English));
        Assert.Equal(account.GroundTruth.Months[month].WithoutTax.Amount, sum);
    }

    [Fact]
    public async Task Bills_export_lists_every_bill_with_its_amounts_in_French_format()
    {
        var rows = await CsvRowsAsync(Exports.Bills(MonthRange.All, k => k), French);
        Assert.Equal(account.GroundTruth.Counts.Bills, rows.Count - 1);
        foreach (var row in rows.Skip(1))
        {
            var truth = account.GroundTruth.Bills[row[0]];
            Assert.Equal(truth.WithoutTax.RoundedToCent, decimal.Parse(row[3], French));
            Assert.Equal(truth.WithTax.RoundedToCent, decimal.Parse(row[5], French));
            Assert.Equal(truth.Paid ? "PaymentStatus.Paid" : "PaymentStatus.Pending", row[7]);
        }
    }

    [Fact]
    public async Task Cost_by_project_export_matches_the_ground_truth_per_project()
    {
        var month = account.GroundTruth.Months.Keys.Last();
        var rows = await CsvRowsAsync(await Exports.CostByProjectAsync(new MonthRange(month, month), OvhCostManager.Core.Costs.CostLens.Invoiced, k => k), English);
        var expected = account.GroundTruth.CloudProjectsPerMonth.Where(p => p.Value.ContainsKey(month)).ToDictionary(p => p.Key, p => p.Value[month].Amount);
        Assert.Equal(expected.OrderBy(e => e.Key), rows.Skip(1).ToDictionary(r => r[1], r => decimal.Parse(r[2], English)).OrderBy(e => e.Key));
    }

    [Fact]
    public async Task Inventory_export_lists_servers_vps_storage_and_projects()
    {
        var rows = await CsvRowsAsync(Exports.Inventory(k => k), English);
        var counts = account.GroundTruth.Counts;
        Assert.Equal(counts.DedicatedServers, rows.Count(r => r[0] == "ResourceType.DedicatedServer"));
        Assert.Equal(counts.Vps, rows.Count(r => r[0] == "ResourceType.Vps"));
        Assert.Equal(counts.NetApps, rows.Count(r => r[0] == "ResourceType.Storage"));
    }

    [Fact]
    public void Malformed_month_ranges_are_refused_with_a_message()
    {
        Assert.False(MonthRange.TryParse("2026-13", null, out _, out var error));
        Assert.Contains("YYYY-MM", error);
        Assert.False(MonthRange.TryParse("2026-10", "2026-01", out _, out error));
        Assert.Contains("after", error);
        Assert.True(MonthRange.TryParse(null, "2026-01", out var range, out _));
        Assert.Equal("_2026-01", range.FileSuffix);
    }

    [Fact]
    public async Task The_Markdown_report_states_the_month_total_and_top_projects_in_the_chosen_language()
    {
        var month = account.GroundTruth.Months.Keys.Last();
        var report = account.Services.GetRequiredService<MonthReport>();
        var document = await report.BuildAsync(month, French);
        var markdown = document.Markdown;
        Assert.StartsWith("# Rapport de coûts OVHcloud", markdown);
        Assert.Equal(account.GroundTruth.Months[month].Bills, document.Bills);
        Assert.Contains(Euros.In("fr", account.GroundTruth.Months[month].WithTax), markdown);
        Assert.Contains(Euros.In("fr", account.GroundTruth.Months[month].WithoutTax), markdown);
        var top = account.GroundTruth.CloudProjectsPerMonth.Where(p => p.Value.ContainsKey(month)).MaxBy(p => p.Value[month]);
        Assert.Contains(Euros.In("fr", top.Value[month]), markdown);
    }

    [Fact]
    public async Task A_bill_line_description_starting_with_an_equals_sign_is_neutralised_in_the_export()
    {
        await using var store = await StoreDatabase.CreateAsync();
        var bill = StoreTestData.Bill("FR0001", new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
        await store.Get<BillStore>().SaveBillAsync(bill,
        [
            StoreTestData.Line("d1", 12.5m, description: "=HYPERLINK(\"http://evil.example\",\"click\")"),
            StoreTestData.Line("d2", 7.5m, domain: "+33123456789", description: "@SUM(A1:A2)"),
        ]);
        var rows = await CsvRowsAsync(store.Get<FullExports>().BillLines(MonthRange.All, k => k), French);
        Assert.Equal("'=HYPERLINK(\"http://evil.example\",\"click\")", rows[1][8]);
        Assert.Equal("'@SUM(A1:A2)", rows[2][8]);
        Assert.Equal("'+33123456789", rows[2][7]);
        Assert.Equal("12,50", rows[1][11]);
    }

    internal static async Task<List<string[]>> CsvRowsAsync(CsvTable table, CultureInfo culture)
    {
        using var stream = new MemoryStream();
        await CsvExporter.WriteAsync(stream, table, culture);
        return Parse(Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'), CsvExporter.DelimiterFor(culture));
    }

    /// <summary>A small RFC 4180 reader (quotes, doubled quotes, separators inside quotes).</summary>
    internal static List<string[]> Parse(string text, char separator)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else cell.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == separator) { row.Add(cell.ToString()); cell.Clear(); }
            else if (c == '\n') { row.Add(cell.ToString().TrimEnd('\r')); cell.Clear(); rows.Add([.. row]); row.Clear(); }
            else cell.Append(c);
        }

        if (cell.Length > 0 || row.Count > 0)
        {
            row.Add(cell.ToString());
            rows.Add([.. row]);
        }

        return rows;
    }
}
