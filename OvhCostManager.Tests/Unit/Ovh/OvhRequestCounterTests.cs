using OvhCostManager.Core.Ovh;

namespace OvhCostManager.Tests.Unit.Ovh;

public sealed class OvhRequestCounterTests
{
    [Theory]
    [InlineData("/me/bill/FR54790012/details", "/me/bill/{id}/details")]
    [InlineData("/me/bill/FR54790012/details/FR54790012-1", "/me/bill/{id}/details/{id}")]
    [InlineData("/me/bill?date.from=2025-05-01T00%3A00%3A00%2B02%3A00", "/me/bill")]
    [InlineData("/cloud/project/6f2b8d31c4e94a0b9d57e8a1f3c20b44/usage/history/2025-05-d1a9c07e", "/cloud/project/{id}/usage/history/{id}")]
    [InlineData("/dedicated/server/ns3187654.ip-51-77-102.eu/serviceInfos", "/dedicated/server/{id}/serviceInfos")]
    [InlineData("/services/103882715", "/services/{id}")]
    [InlineData("/cloud/project/6f2b8d31c4e94a0b9d57e8a1f3c20b44/volume/snapshot", "/cloud/project/{id}/volume/snapshot")]
    [InlineData("/cloud/project/6f2b8d31c4e94a0b9d57e8a1f3c20b44/ip/failover", "/cloud/project/{id}/ip/failover")]
    [InlineData("/order/catalog/public/cloud?ovhSubsidiary=FR", "/order/catalog/public/cloud")]
    public void Paths_are_counted_under_their_template(string path, string template) =>
        Assert.Equal(template, OvhEndpointTemplate.Of(path));

    [Fact]
    public void A_snapshot_is_immutable_and_Since_reports_only_what_happened_after()
    {
        var counter = new OvhRequestCounter();
        counter.RecordRequest("/me", 200);
        var before = counter.Snapshot();

        counter.RecordRequest("/me/bill/{id}", 200);
        counter.RecordRequest("/me/bill/{id}", 503);
        counter.RecordRetry("/me/bill/{id}");
        var after = counter.Snapshot();

        Assert.Equal(1, before.TotalRequests);
        var run = after.Since(before);
        Assert.Equal(2, run.TotalRequests);
        Assert.Equal(0, run.RequestsTo("/me"));
        Assert.Equal(1, run.WithStatus(503));
        Assert.Equal(1, run.TotalRetries);

        counter.Reset();
        Assert.Equal(0, counter.Snapshot().TotalRequests);
        Assert.Equal(3, after.TotalRequests);
    }
}
