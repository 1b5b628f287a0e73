using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using OvhCostManager.Web;

namespace OvhCostManager.Tests.Unit.Web;

/// <summary>MudBlazor's own texts of a data grid's pager, rendered by bUnit with the app's localizer.</summary>
public sealed class FrenchMudLocalizerTests : IAsyncDisposable
{
    private static readonly IReadOnlyList<int> Rows = Enumerable.Range(1, 30).ToList();
    private readonly BunitContext context = new();

    public FrenchMudLocalizerTests()
    {
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services
            .AddLocalization(o => o.ResourcesPath = "Resources")
            .AddMudServices()
            .AddTransient<MudLocalizer, FrenchMudLocalizer>();
    }

    public ValueTask DisposeAsync() => context.DisposeAsync();

    [Fact]
    public void In_French_the_pager_speaks_French()
    {
        var pager = RenderPagerIn("fr");

        Assert.Contains("Lignes par page :", pager.Markup);
        Assert.Contains("1-10 sur 30", pager.Markup);
        Assert.NotNull(pager.Find("[aria-label='Page suivante']"));
    }

    [Fact]
    public void In_English_the_pager_keeps_MudBlazor_s_own_texts()
    {
        var pager = RenderPagerIn("en");

        Assert.Contains("Rows per page:", pager.Markup);
        Assert.Contains("1-10 of 30", pager.Markup);
        Assert.DoesNotContain("Lignes par page", pager.Markup);
        Assert.NotNull(pager.Find("[aria-label='Next page']"));
    }

    private IRenderedComponent<MudDataGrid<int>> RenderPagerIn(string language)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        return context.Render<MudDataGrid<int>>(grid => grid
            .Add(g => g.Items, Rows)
            .Add(g => g.RowsPerPage, 10)
            .Add(g => g.Columns, (RenderFragment)(builder =>
            {
                builder.OpenComponent<PropertyColumn<int, int>>(0);
                builder.AddAttribute(1, nameof(PropertyColumn<int, int>.Property), (System.Linq.Expressions.Expression<Func<int, int>>)(row => row));
                builder.CloseComponent();
            }))
            .Add(g => g.PagerContent, (RenderFragment)(builder =>
            {
                builder.OpenComponent<MudDataGridPager<int>>(0);
                builder.CloseComponent();
            })));
    }
}
