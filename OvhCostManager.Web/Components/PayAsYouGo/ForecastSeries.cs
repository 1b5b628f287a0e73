using System.Globalization;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.PayAsYouGo;

namespace OvhCostManager.Web.Components.PayAsYouGo;

/// <summary>
/// The month's consumption curve over its days (account time zone), as two series: consumed so far (nothing on the
/// first day before any reading, then the last reading of each day) and OVH's forecast, drawn from the latest reading
/// to the month's last day. Days without a reading are gaps the chart bridges.
/// </summary>
public sealed record ForecastSeries(IReadOnlyList<DateOnly> Days, double?[] SoFar, double?[] Forecast)
{
    public static ForecastSeries Of(string month, IReadOnlyList<ConsumptionCurvePoint> curve, TimeZoneInfo zone)
    {
        var (first, last) = BillingMonth.Days(month);
        var days = Enumerable.Range(0, last.DayNumber - first.DayNumber + 1).Select(first.AddDays).ToList();
        var soFar = new double?[days.Count];
        var forecast = new double?[days.Count];
        var latest = -1;
        foreach (var point in curve.Where(p => !p.IsForecast).OrderBy(p => p.AtUtc))
        {
            var index = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(point.AtUtc, zone).DateTime).DayNumber - first.DayNumber;
            if (index >= 0 && index < days.Count)
            {
                soFar[index] = (double)point.Amount.RoundedToCent;
                latest = Math.Max(latest, index);
            }
        }

        if (latest < 0)
        {
            return new ForecastSeries(days, soFar, forecast);
        }

        // Month-to-date consumption starts from nothing.
        soFar[0] ??= 0;
        if (curve.FirstOrDefault(p => p.IsForecast) is { } estimate)
        {
            forecast[latest] = soFar[latest];
            forecast[^1] = (double)estimate.Amount.RoundedToCent;
        }

        return new ForecastSeries(days, soFar, forecast);
    }

    public bool HasReadings => SoFar.Any(v => v is not null);

    public bool HasForecast => Forecast.Any(v => v is not null);

    public double? LatestReading => SoFar.LastOrDefault(v => v is not null);

    /// <summary>"18 nov." / "18 Nov" for each day.</summary>
    public string[] Labels(CultureInfo culture) => Days.Select(d => d.ToString("d MMM", culture)).ToArray();
}
