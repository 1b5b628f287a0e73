using OvhCostManager.Core.Alerts;

namespace OvhCostManager.Tests.Unit.Budgets;

public sealed class DigestScheduleTests
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    [Theory]
    // Wednesday 18 November 2026, 10:00 Paris (UTC+1): today's 08:00 has passed.
    [InlineData("2026-11-18T09:00:00Z", false, "2026-11-18T07:00:00Z")]
    // 07:59 Paris: still yesterday's.
    [InlineData("2026-11-18T06:59:00Z", false, "2026-11-17T07:00:00Z")]
    // Weekly: the Monday before, 16 November 08:00 Paris.
    [InlineData("2026-11-18T09:00:00Z", true, "2026-11-16T07:00:00Z")]
    // Monday 23 November 07:30 Paris: the Monday of the week before.
    [InlineData("2026-11-23T06:30:00Z", true, "2026-11-16T07:00:00Z")]
    // Summer time (UTC+2), 1 July 2026 12:00 Paris.
    [InlineData("2026-07-01T10:00:00Z", false, "2026-07-01T06:00:00Z")]
    public void The_latest_departure_is_the_last_digest_hour_passed_in_the_account_time_zone(string now, bool weekly, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            DigestSchedule.LatestDeparture(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), Paris, weekly, 8));

    [Fact]
    public void An_hour_the_clocks_skip_leaves_an_hour_later()
    {
        // 29 March 2026: 02:00 Paris does not exist; 03:00 CEST is 01:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero),
            DigestSchedule.LatestDeparture(new DateTimeOffset(2026, 3, 29, 5, 0, 0, TimeSpan.Zero), Paris, weekly: false, hour: 2));
    }
}
