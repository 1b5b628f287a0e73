using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Tests.Integration.Ovh;

public sealed class PublicCatalogTests : IAsyncLifetime
{
    // The shape of GET /order/catalog/public/cloud (order.catalog.public.PublicCloudCatalog), cut to one flavour; prices
    // are in micro-cents (value × 10^8); a plan's setup fee has no interval.
    private const string Catalog = """
        {"catalogId":5012,"locale":{"currencyCode":"EUR","subsidiary":"FR","taxRate":20},
         "plans":[{"planCode":"project.2018","invoiceName":"Public Cloud Project","pricings":[],"addonFamilies":[{"name":"instance","addons":["b3-8.consumption"]}]}],
         "addons":[
          {"planCode":"b3-8.consumption","invoiceName":"b3-8","product":"publiccloud-instance-b3-8","pricingType":"consumption",
           "pricings":[{"capacities":["consumption"],"interval":1,"intervalUnit":"hour","mode":"consumption","type":"consumption","price":5660000,"tax":0}]},
          {"planCode":"b3-8.monthly.postpaid","invoiceName":"b3-8 monthly","product":"publiccloud-instance-b3-8","pricingType":"rental",
           "pricings":[{"capacities":["installation"],"interval":0,"intervalUnit":"none","price":0},
                       {"capacities":["renew"],"interval":1,"intervalUnit":"month","mode":"default","type":"renew","price":2720000000}]}],
         "products":[],"planFamilies":[]}
        """;

    private LoopbackOvhServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackOvhServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task The_public_cloud_catalogue_is_read_unsigned_and_each_plan_keeps_its_hourly_or_monthly_price()
    {
        _server.Routes["/order/catalog/public/cloud"] = ctx => LoopbackOvhServer.Raw(ctx, Catalog);
        await using var client = OvhClientHost.Create(_server);

        var catalog = await client.Api.GetPublicCloudCatalogAsync("FR");

        var call = Assert.Single(_server.ApiCalls("/order/catalog/public/cloud"));
        Assert.Equal("/1.0/order/catalog/public/cloud?ovhSubsidiary=FR", call.RawTarget);
        Assert.DoesNotContain(call.Headers.Keys, h => h.StartsWith("X-Ovh-", StringComparison.OrdinalIgnoreCase) || h == "Authorization");
        Assert.Equal(0, _server.AuthTimeCalls);
        var prices = CloudResourcesImport.CatalogPrices(catalog).ToDictionary(p => p.PlanCode);
        Assert.Equal(["b3-8.consumption", "b3-8.monthly.postpaid"], prices.Keys.Order());
        Assert.Equal(("hour", Money.FromDecimal(0.0566m)), (prices["b3-8.consumption"].IntervalUnit, prices["b3-8.consumption"].Price));
        Assert.Equal(("month", Money.FromDecimal(27.20m)), (prices["b3-8.monthly.postpaid"].IntervalUnit, prices["b3-8.monthly.postpaid"].Price));
        Assert.Equal("FR", prices["b3-8.consumption"].Subsidiary);
    }
}
