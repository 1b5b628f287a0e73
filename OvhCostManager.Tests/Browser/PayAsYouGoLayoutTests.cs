using System.Text.Json;
using Microsoft.Playwright;
using OvhCostManager.Tests.Infrastructure;

namespace OvhCostManager.Tests.Browser;

/// <summary>
/// The Pay-as-you-go page against its spec (<c>shared/seeds/004…</c>) at a 1440 px viewport, in French and English: the
/// positions, sizes, colours and type of the header, the three KPI cards and the detail card. Expected values are the
/// spec's.
/// </summary>
[Collection(DemoDashboardCollection.Name)]
public sealed class PayAsYouGoLayoutTests(DemoDashboardFixture demo)
{
    private const string Border = "rgb(229, 231, 235)";
    private const string White = "rgb(255, 255, 255)";
    private const string Text = "rgb(31, 41, 55)";
    private const string SecondaryText = "rgb(107, 114, 128)";
    private const string Accent = "rgb(0, 80, 215)";

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public async Task The_page_is_laid_out_as_the_spec_draws_it_at_1440_px(string language)
    {
        var context = await demo.Browser.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        await context.AddCookiesAsync(
        [
            BrowserFixture.CultureCookie(demo.App.BaseUrl, language),
        ]);
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(demo.App.BaseUrl, "payg").ToString());
        await page.WaitForSelectorAsync(".ocm-payg-service");
        await BrowserFixture.WaitUntilInteractiveAsync(page);

        var header = await BoxAsync(page, ".ocm-header");
        Assert.Equal((0, 1440, 50), (header.Y, header.Width, header.Height));
        var tabs = await BoxAsync(page, ".ocm-tabs");
        Assert.Equal((50, 40), (tabs.Y, tabs.Height));
        var title = await BoxAsync(page, ".ocm-payg-header");
        Assert.Equal((40, 115, 1360, 40), (title.X, title.Y, title.Width, title.Height));
        var h1 = await BoxAsync(page, ".ocm-payg-header h1");
        Assert.Equal(("24px", "600", Text), (h1.FontSize, h1.FontWeight, h1.Color));
        Assert.Equal(Accent, (await BoxAsync(page, ".ocm-breadcrumb")).Color);

        int[] kpiX = [40, 500, 960];
        for (var i = 0; i < 3; i++)
        {
            var card = await BoxAsync(page, $".ocm-payg-kpis .ocm-kpi >> nth={i}");
            Assert.Equal((kpiX[i], 180, 440, 150), (card.X, card.Y, card.Width, card.Height));
            Assert.Equal((White, "1px", Border, "8px"), (card.Background, card.BorderWidth, card.BorderColor, card.Radius));
            var cardTitle = await BoxAsync(page, $".ocm-payg-kpis .ocm-kpi >> nth={i} >> h2");
            Assert.Equal(("15px", "700"), (cardTitle.FontSize, cardTitle.FontWeight));
            var value = await BoxAsync(page, $".ocm-payg-kpis .ocm-kpi >> nth={i} >> .ocm-kpi-value");
            Assert.Equal(("28px", "600", Text), (value.FontSize, value.FontWeight, value.Color));
            Assert.Equal(SecondaryText, (await BoxAsync(page, $".ocm-payg-kpis .ocm-kpi >> nth={i} >> .ocm-kpi-text")).Color);
        }

        var detail = await BoxAsync(page, ".ocm-payg-detail");
        Assert.Equal((40, 360, 1360), (detail.X, detail.Y, detail.Width));
        Assert.True(detail.Height >= 350, $"detail card {detail.Height}px high");
        Assert.Equal((White, "1px", Border, "8px"), (detail.Background, detail.BorderWidth, detail.BorderColor, detail.Radius));
        var detailTitle = await BoxAsync(page, ".ocm-payg-detail h2");
        Assert.Equal(("15px", "700"), (detailTitle.FontSize, detailTitle.FontWeight));

        var row = await BoxAsync(page, ".ocm-payg-service >> nth=0");
        Assert.Equal(50, row.Height);
        Assert.Equal(40 + 20, (await BoxAsync(page, ".ocm-payg-service >> nth=0 >> .ocm-payg-service-name")).X);
        Assert.Equal(40 + 500, (await BoxAsync(page, ".ocm-payg-service >> nth=0 >> .ocm-payg-service-usage")).X);
        var amount = await BoxAsync(page, ".ocm-payg-service >> nth=0 >> .ocm-payg-service-amount");
        Assert.Equal((40 + 800, "600", Text), (amount.X, amount.FontWeight, amount.Color));
        // "120h d'utilisation": the hours stick to their number (group separators are the culture's).
        Assert.Matches(@"^\d[\d\s\u202F,]*\dh (d'utilisation|of use)$|^\dh (d'utilisation|of use)$", await page.InnerTextAsync(".ocm-payg-service[data-family='instance'] .ocm-payg-service-usage"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = BrowserFixture.ScreenshotPath($"payg-spec-{language}"), FullPage = true });
        await context.CloseAsync();
    }

    private sealed record Box(int X, int Y, int Width, int Height, string FontSize, string FontWeight, string Color, string Background,
        string BorderWidth, string BorderColor, string Radius);

    private static async Task<Box> BoxAsync(IPage page, string selector)
    {
        var json = await page.Locator(selector).First.EvaluateAsync<JsonElement>(
            "e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e); return { x: Math.round(r.x), y: Math.round(r.y + window.scrollY), " +
            "w: Math.round(r.width), h: Math.round(r.height), fs: s.fontSize, fw: s.fontWeight, c: s.color, bg: s.backgroundColor, " +
            "bw: s.borderTopWidth, bc: s.borderTopColor, br: s.borderTopLeftRadius }; }");
        return new Box(json.GetProperty("x").GetInt32(), json.GetProperty("y").GetInt32(), json.GetProperty("w").GetInt32(), json.GetProperty("h").GetInt32(),
            json.GetProperty("fs").GetString()!, json.GetProperty("fw").GetString()!, json.GetProperty("c").GetString()!, json.GetProperty("bg").GetString()!,
            json.GetProperty("bw").GetString()!, json.GetProperty("bc").GetString()!, json.GetProperty("br").GetString()!);
    }
}
