using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.PayAsYouGo;
using OvhCostManager.Web;
using OvhCostManager.Web.Components.Overview;
using OvhCostManager.Web.Components.PayAsYouGo;
using OvhCostManager.Web.Components.Shared;

namespace OvhCostManager.Tests.Unit.Web;

/// <summary>The texts the dashboard writes for codes, days left and the forecast curve, read through the real resources.</summary>
public sealed class DashboardTextTests : IDisposable
{
    private readonly ServiceProvider services = new ServiceCollection().AddLogging().AddLocalization(o => o.ResourcesPath = "Resources").BuildServiceProvider();
    private readonly (CultureInfo, CultureInfo) before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);

    private IStringLocalizer<T> Localizer<T>(string culture)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        return services.GetRequiredService<IStringLocalizer<T>>();
    }

    public void Dispose()
    {
        (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        services.Dispose();
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("en")]
    public void Every_resource_type_category_and_family_has_a_label_in_each_language(string culture)
    {
        var shared = Localizer<SharedResource>(culture);
        var billing = Localizer<BillingResource>(culture);
        var missing = Enum.GetValues<ResourceType>().Select(t => "ResourceType." + t).Where(k => shared[k].ResourceNotFound)
            .Concat(Enum.GetValues<ServiceCategory>().Select(c => "Category." + c).Where(k => shared[k].ResourceNotFound))
            .Concat(Enum.GetValues<CostFamily>().Select(f => "Family" + f).Where(k => billing[k].ResourceNotFound))
            .ToList();
        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("fr", "State_", "SHUTOFF", "Éteinte")]
    [InlineData("en", "State_", "ACTIVE", "Active")]
    [InlineData("fr", "State_", "running", "En marche")]
    [InlineData("fr", "Method_", "creditCard", "Carte bancaire")]
    [InlineData("en", "CreditType_", "PREPAID_ACCOUNT", "Prepaid account")]
    [InlineData("fr", "Movement_", "USE", "Utilisation")]
    [InlineData("fr", "State_", "in_progress", "In progress")]
    [InlineData("en", "Method_", "bankTransferAbroad", "Bank transfer abroad")]
    [InlineData("en", "State_", "", "—")]
    public void A_code_reads_in_the_readers_language_and_an_unknown_one_stays_readable(string culture, string prefix, string code, string expected) =>
        Assert.Equal(expected, CodeLabel.Of(Localizer<BillingResource>(culture), prefix, code));

    [Theory]
    [InlineData("fr", 0, "aujourd'hui")]
    [InlineData("fr", 1, "demain")]
    [InlineData("fr", 12, "dans 12 jours")]
    [InlineData("en", 0, "today")]
    [InlineData("en", 3, "in 3 days")]
    public void Days_left_read_as_a_person_says_them(string culture, int days, string expected) =>
        Assert.Equal(expected, ExpiringSoonCard.When(Localizer<SharedResource>(culture), days));

    [Fact]
    public void The_forecast_curve_starts_from_zero_places_readings_on_their_Paris_day_and_joins_the_forecast_at_the_latest_one()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        ConsumptionCurvePoint[] curve =
        [
            // 23:30 UTC on 2 November is 00:30 on 3 November in Paris.
            new(new DateTimeOffset(2026, 11, 2, 23, 30, 0, TimeSpan.Zero), Money.FromDecimal(10.40m), false),
            new(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), Money.FromDecimal(45.23m), false),
            new(new DateTimeOffset(2026, 11, 18, 9, 0, 0, TimeSpan.Zero), Money.FromDecimal(120.00m), true),
        ];

        var series = ForecastSeries.Of("2026-11", curve, paris);

        Assert.Equal(30, series.Days.Count);
        Assert.Equal(0d, series.SoFar[0]);
        Assert.Null(series.SoFar[1]);
        Assert.Equal(10.40d, series.SoFar[2]);
        Assert.Equal(45.23d, series.SoFar[17]);
        Assert.All(series.SoFar[18..], v => Assert.Null(v));
        Assert.Equal(45.23d, series.Forecast[17]);
        Assert.Equal(120d, series.Forecast[29]);
        Assert.All(series.Forecast[..17], v => Assert.Null(v));
        Assert.Equal(45.23d, series.LatestReading);
    }
}
