using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.BillLines;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.BillLines;

/// <summary>The pages the tables of bill lines load from the store (paging, sorting and searching happen in SQL).</summary>
[Collection(ImportedAccountCollection.Name)]
public sealed class BillLinePagesTests(ImportedAccountFixture account)
{
    private BillLineQueries Lines => account.Services.GetRequiredService<BillLineQueries>();

    [Fact]
    public async Task Pages_of_a_project_follow_each_other_without_overlap_and_add_up_to_its_month_in_the_ground_truth()
    {
        var (project, month, expected) = account.GroundTruth.CloudProjectsPerMonth
            .SelectMany(p => p.Value.Select(m => (Project: p.Key, Month: m.Key, Amount: m.Value)))
            .OrderByDescending(p => p.Amount).First();
        var filter = new BillLineFilter([month]) { CloudProjectId = project };

        var pages = new List<BillLinePage>();
        for (var skip = 0; pages.Count == 0 || skip < pages[0].TotalCount; skip += 7)
        {
            pages.Add(await Lines.GetPageAsync(filter, new BillLinePageRequest(skip, 7)));
        }

        var rows = pages.SelectMany(p => p.Rows).ToList();
        Assert.True(rows.Count > 7, $"the largest project has {rows.Count} lines: one page would prove nothing");
        Assert.All(pages, p => Assert.Equal(rows.Count, p.TotalCount));
        Assert.Equal(rows.Count, rows.Select(r => (r.BillId, r.DetailId)).Distinct().Count());
        Assert.Equal(expected, Money.Sum(rows.Select(r => r.Total)));
        Assert.Equal(rows.Select(r => r.Total.Ucents).OrderDescending(), rows.Select(r => r.Total.Ucents));
        Assert.All(rows, r => Assert.Equal((project, month), (r.CloudProjectId, r.Month)));
    }

    [Fact]
    public async Task A_page_sorts_by_the_column_asked_in_both_directions()
    {
        var month = account.GroundTruth.Months.Keys.Max()!;
        var filter = new BillLineFilter([month]);

        var ascending = (await Lines.GetPageAsync(filter, new BillLinePageRequest(0, null, SortBy: BillLineSort.Description, Descending: false))).Rows;
        var descending = (await Lines.GetPageAsync(filter, new BillLinePageRequest(0, null, SortBy: BillLineSort.ServiceName, Descending: true))).Rows;

        Assert.Equal(ascending.Select(r => r.Description).Order(StringComparer.Ordinal), ascending.Select(r => r.Description));
        Assert.Equal(descending.Select(r => r.ServiceName).OrderDescending(StringComparer.Ordinal), descending.Select(r => r.ServiceName));
        Assert.Equal(account.GroundTruth.Months[month].WithoutTax, Money.Sum(ascending.Select(r => r.Total)));
    }

    [Fact]
    public async Task The_search_ignores_case_matches_any_column_and_takes_wildcards_literally()
    {
        var month = account.GroundTruth.Months.Keys.Max()!;
        var filter = new BillLineFilter([month]);
        var all = (await Lines.GetPageAsync(filter, new BillLinePageRequest(0, null))).Rows;
        var word = all.Select(r => r.Description.Split(' ').FirstOrDefault(w => w.Length >= 4 && w.All(char.IsLetter)))
            .First(w => w is not null)!;
        var bill = all[^1].BillId;

        var byWord = await Lines.GetPageAsync(filter, new BillLinePageRequest(0, 5, word.ToUpperInvariant()));
        var byBill = await Lines.GetPageAsync(filter, new BillLinePageRequest(0, null, bill.ToLowerInvariant()));
        var wildcard = await Lines.GetPageAsync(filter, new BillLinePageRequest(0, null, "%"));

        var expected = all.Count(r => $"{r.Month} {r.BillId} {r.ServiceName} {r.Description}".Contains(word, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(expected, byWord.TotalCount);
        Assert.Equal(Math.Min(5, expected), byWord.Rows.Count);
        Assert.Equal(all.Count(r => r.BillId == bill), byBill.TotalCount);
        Assert.Equal(all.Count(r => $"{r.Month}{r.BillId}{r.ServiceName}{r.Description}".Contains('%')), wildcard.TotalCount);
    }
}

public sealed class BillLineSearchTests
{
    [Fact]
    public async Task A_search_in_lower_case_finds_a_line_written_with_accented_capitals()
    {
        await using var db = await OvhCostManager.Tests.Integration.Data.StoreDatabase.CreateAsync();
        var store = db.Get<OvhCostManager.Core.Data.BillStore>();
        var date = new DateTimeOffset(2026, 5, 15, 8, 0, 0, TimeSpan.Zero);
        await store.SaveBillAsync(OvhCostManager.Tests.Integration.Data.StoreTestData.Bill("FR1", date), [
            OvhCostManager.Tests.Integration.Data.StoreTestData.Line("FR1-1", 10m, description: "ÉQUILIBREUR DE CHARGE Öffentlich"),
            OvhCostManager.Tests.Integration.Data.StoreTestData.Line("FR1-2", 20m, description: "Serveur dédié Advance-1"),
        ]);
        var lines = db.Get<BillLineQueries>();
        var filter = new BillLineFilter(["2026-05"]);

        // SQLite's own lower() leaves É and Ö as they are: this search found nothing before the folding function.
        var page = await lines.GetPageAsync(filter, new BillLinePageRequest(0, 10, "équilibreur de charge öff"));
        Assert.Equal(["FR1-1"], page.Rows.Select(r => r.DetailId));
        Assert.Equal(2, (await lines.GetPageAsync(filter, new BillLinePageRequest(0, 10, "FR1"))).TotalCount);
    }
}
