namespace OvhCostManager.Core.Alerts;

/// <summary>When the e-mail digest leaves: every day, or every Monday, at an hour of the account's time zone.</summary>
public static class DigestSchedule
{
    /// <summary>The latest departure at or before <paramref name="now"/>; alerts raised before it belong to that digest.</summary>
    public static DateTimeOffset LatestDeparture(DateTimeOffset now, TimeZoneInfo zone, bool weekly, int hour)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var departure = local.Date.AddHours(hour);
        if (departure > local)
        {
            departure = departure.AddDays(-1);
        }

        while (weekly && departure.DayOfWeek != DayOfWeek.Monday)
        {
            departure = departure.AddDays(-1);
        }

        // An hour the clocks skip (the spring switch) leaves at the next hour that exists.
        if (zone.IsInvalidTime(departure))
        {
            departure = departure.AddHours(1);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(departure, zone), TimeSpan.Zero);
    }
}
