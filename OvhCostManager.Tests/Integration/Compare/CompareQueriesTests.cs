using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Compare;
using OvhCostManager.Core.Costs;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Integration.Compare;

[Collection(ImportedAccountCollection.Name)]
public sealed class CompareQueriesTests(ImportedAccountFixture account)
{
    private CompareQueries Queries => account.Services.GetRequiredService<CompareQueries>();

    [Fact]
    public async Task Totals_and_project_rows_match_the_ground_truth_including_projects_billed_in_one_month_only()
    {
        var months = account.GroundTruth.Months.Keys.ToList();
        var projects = account.GroundTruth.CloudProjectsPerMonth;
        // Months where some project is billed in one of the two only, when the account has such a pair.
        var (a, b) = months.SelectMany(x => months.Where(y => string.CompareOrdinal(x, y) < 0).Select(y => (x, y)))
            .Where(p => projects.Values.Any(v => v.ContainsKey(p.x) != v.ContainsKey(p.y)))
            .DefaultIfEmpty((months[0], months[^1])).Last();
        var report = await Queries.GetAsync(a, b);
        Assert.Equal(account.GroundTruth.Months[a].WithoutTax, report.TotalA);
        Assert.Equal(account.GroundTruth.Months[b].WithoutTax, report.TotalB);

        var expected = account.GroundTruth.CloudProjectsPerMonth
            .Where(p => p.Value.ContainsKey(a) || p.Value.ContainsKey(b))
            .ToDictionary(p => p.Key, p => (p.Value.GetValueOrDefault(a), p.Value.GetValueOrDefault(b)));
        Assert.Equal(expected.OrderBy(e => e.Key).ToList(), report.ByProject.ToDictionary(r => r.Key, r => (r.A, r.B)).OrderBy(e => e.Key).ToList());
        Assert.Equal(projects.Values.Count(v => v.ContainsKey(a) != v.ContainsKey(b)), report.ByProject.Count(r => r.A == Money.Zero || r.B == Money.Zero));
    }

    [Fact]
    public async Task Category_and_resource_type_rows_carry_real_amounts_that_add_up_to_both_totals()
    {
        var months = account.GroundTruth.Months.Keys.ToList();
        var (a, b) = (months[^2], months[^1]);
        var report = await Queries.GetAsync(a, b);
        foreach (var rows in new[] { report.ByCategory, report.ByResourceType })
        {
            Assert.Equal(report.TotalA, Money.Sum(rows.Select(r => r.A)));
            Assert.Equal(report.TotalB, Money.Sum(rows.Select(r => r.B)));
            Assert.Contains(rows, r => r.A != Money.Zero && r.B != Money.Zero);
        }
    }

    [Fact]
    public async Task A_row_unfolds_to_exactly_the_bill_lines_behind_it()
    {
        var months = account.GroundTruth.Months.Keys.ToList();
        var (a, b) = (months[^2], months[^1]);
        var report = await Queries.GetAsync(a, b);
        foreach (var row in report.ByResourceType.Concat(report.ByProject.Take(3)))
        {
            var lines = await Queries.GetLinesAsync(a, b, row.Dimension, row.Key);
            Assert.Equal(row.A, Money.Sum(lines.Where(l => l.Month == a).Select(l => l.Total)));
            Assert.Equal(row.B, Money.Sum(lines.Where(l => l.Month == b).Select(l => l.Total)));
            Assert.Equal(row.LinesA + row.LinesB, lines.Count);
        }
    }

    [Fact]
    public async Task Variation_from_zero_is_new_not_infinite()
    {
        var v = new OvhCostManager.Core.Overview.Variation(Money.Zero, Money.FromCents(1250));
        Assert.True(v.IsNew);
        Assert.Null(v.Percent);
        var report = await Queries.GetAsync("2001-01", account.GroundTruth.Months.Keys.Last());
        Assert.True(report.Variation.IsNew);
        Assert.All(report.ByProject, r => Assert.True(r.Variation.IsNew || r.B == Money.Zero));
    }
}
