using System.Text.Json;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Ovh.Json;
using OvhCostManager.Core.Ovh.Models;

namespace OvhCostManager.Tests.Unit.Ovh;

public sealed class OvhJsonTests
{
    private const string Project = "cloud-project-6f2b8d31c4e94a0b9d57e8a1f3c20b44";

    public static TheoryData<string, Type> Fixtures => new()
    {
        { "me.json", typeof(OvhAccount) },
        { "me-bill-list.json", typeof(List<string>) },
        { "me-bill-list-expanded.json", typeof(List<Bill>) },
        { "me-bill-FR54790012.json", typeof(Bill) },
        { "me-bill-FR54790012-details-list.json", typeof(List<string>) },
        { "me-bill-FR54790012-details-FR54790012-1.json", typeof(BillDetail) },
        { "me-bill-FR54790012-details-FR54790012-3.json", typeof(BillDetail) },
        { "me-bill-FR54790012-details-expanded.json", typeof(List<BillDetail>) },
        { "me-bill-FR54790012-payment.json", typeof(BillPayment) },
        { "me-consumption-usage-current.json", typeof(List<ConsumptionTransaction>) },
        { "me-consumption-usage-forecast.json", typeof(List<ConsumptionTransaction>) },
        { "me-consumption-usage-history.json", typeof(List<ConsumptionTransaction>) },
        { "me-debtAccount.json", typeof(DebtAccount) },
        { "me-credit-balance-list.json", typeof(List<string>) },
        { "me-credit-balance-VOUCHER_PCI200_7QK2.json", typeof(CreditBalance) },
        { "me-credit-balance-VOUCHER_PCI200_7QK2-movement-list.json", typeof(List<long>) },
        { "me-credit-balance-VOUCHER_PCI200_7QK2-movement-5702245.json", typeof(CreditMovement) },
        { "dedicated-server-list.json", typeof(List<string>) },
        { "dedicated-server-list-expanded.json", typeof(List<DedicatedServer>) },
        { "dedicated-server-ns3187654.ip-51-77-102.eu.json", typeof(DedicatedServer) },
        { "dedicated-server-ns3187654.ip-51-77-102.eu-serviceInfos.json", typeof(ServiceInfos) },
        { "dedicated-server-ns3187654.ip-51-77-102.eu-specifications-hardware.json", typeof(DedicatedServerHardware) },
        { "vps-list.json", typeof(List<string>) },
        { "vps-vps-4f8a2c1d.vps.ovh.net.json", typeof(Vps) },
        { "vps-vps-4f8a2c1d.vps.ovh.net-serviceInfos.json", typeof(ServiceInfos) },
        { "storage-netapp-list.json", typeof(List<NetAppService>) },
        { "storage-netapp-3d5c2f0e-8a41-4b7e-9c2d-1f6a0b9e7c55.json", typeof(NetAppService) },
        { "storage-netapp-3d5c2f0e-8a41-4b7e-9c2d-1f6a0b9e7c55-serviceInfos.json", typeof(ServiceInfos) },
        { "cloud-project-list.json", typeof(List<string>) },
        { $"{Project}.json", typeof(CloudProject) },
        { $"{Project}-serviceInfos.json", typeof(ServiceInfos) },
        { $"{Project}-usage-current.json", typeof(CloudUsage) },
        { $"{Project}-usage-forecast.json", typeof(CloudUsage) },
        { $"{Project}-usage-history.json", typeof(List<CloudUsagePeriodRef>) },
        { $"{Project}-usage-history-2025-05-d1a9c07e.json", typeof(CloudUsage) },
        { $"{Project}-instance-list.json", typeof(List<CloudInstance>) },
        { $"{Project}-instance-0b6f3c2e-7a41-4d55-9e1c-2f8a6d4b1c90.json", typeof(CloudInstance) },
        { $"{Project}-quota.json", typeof(List<CloudQuota>) },
        { "services-list.json", typeof(List<long>) },
        { "services-list-expanded.json", typeof(List<OvhService>) },
        { "services-103882715.json", typeof(OvhService) },
        { "services-104523871.json", typeof(OvhService) },
        { "auth-time.json", typeof(long) },
    };

    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "ovh", name));

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, OvhJson.Options)!;

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Every_fixture_reads_into_its_model(string file, Type model)
    {
        var value = JsonSerializer.Deserialize(Fixture(file), model, OvhJson.Options);

        Assert.NotNull(value);
        if (value is System.Collections.IEnumerable list and not string)
        {
            Assert.NotEmpty(list);
        }
    }

    [Fact]
    public void A_bill_keeps_exact_micro_cents_and_its_Paris_offset()
    {
        var bill = Read<Bill>(Fixture("me-bill-FR54790012.json"));

        Assert.Equal("FR54790012", bill.BillId);
        Assert.Equal(BillCategory.PurchaseCloud, bill.Category);
        Assert.Equal(TimeSpan.FromHours(2), bill.Date.Offset);
        Assert.Equal(new Money(49_484_000_000), bill.PriceWithTax.Money);
        Assert.Equal(bill.PriceWithTax.Money, bill.PriceWithoutTax.Money + bill.Tax.Money);
    }

    [Fact]
    public void A_bill_line_reads_dates_as_DateOnly_and_allows_null_periods()
    {
        var withPeriod = Read<BillDetail>(Fixture("me-bill-FR54790012-details-FR54790012-1.json"));
        var withoutPeriod = Read<BillDetail>(Fixture("me-bill-FR54790012-details-FR54790012-3.json"));

        Assert.NotNull(withPeriod.PeriodStart);
        Assert.Null(withoutPeriod.PeriodStart);
        Assert.Equal(1m, withoutPeriod.QuantityValue);
        Assert.Equal(Money.FromDecimal(12.65m), withoutPeriod.UnitPrice.Money);
    }

    [Fact]
    public void Consumption_prices_use_valueInUcents_and_detail_unique_ids()
    {
        var transactions = Read<List<ConsumptionTransaction>>(Fixture("me-consumption-usage-current.json"));
        var first = transactions[0];

        Assert.Equal(Money.Sum(first.Elements.Select(e => e.Price.Money)), first.Price.Money);
        Assert.Equal(3_631_000_000, first.Elements[0].Details[0].Price.Money.Ucents);
        Assert.Equal("0b6f3c2e-7a41-4d55-9e1c-2f8a6d4b1c90", first.Elements[0].Details[0].UniqueId);
        Assert.Null(Read<List<ConsumptionTransaction>>(Fixture("me-consumption-usage-forecast.json"))[0].Id);
    }

    [Fact]
    public void Cloud_usage_reads_its_billing_view_with_exact_totals()
    {
        var usage = Read<CloudUsage>(Fixture($"{Project}-usage-current.json"));

        var instance = Assert.Single(usage.HourlyUsage!.Instance);
        Assert.Equal(72.62m, instance.TotalPrice);
        Assert.Equal(408m, instance.Details[0].Quantity!.Value);
        Assert.Equal(7.11m, usage.HourlyUsage.Storage[0].TotalPrice);
        Assert.Equal(52.0m, usage.MonthlyUsage!.Instance[0].TotalPrice);
        Assert.Equal(4.49m, usage.ResourcesUsage![0].Resources[0].Components[0].TotalPrice);
        Assert.Equal(new Money(14_344_000_000), usage.TotalPrice.Money);
        Assert.NotNull(Read<CloudUsage>(Fixture($"{Project}-usage-forecast.json")).UsableCredits);
    }

    [Fact]
    public void Services_and_service_infos_read_renewal_and_engagement()
    {
        var service = Read<OvhService>(Fixture("services-103882715.json"));
        var infos = Read<ServiceInfos>(Fixture("dedicated-server-ns3187654.ip-51-77-102.eu-serviceInfos.json"));

        Assert.Equal("/dedicated/server/{serviceName}", service.Route!.Path);
        Assert.Equal(new DateOnly(2025, 9, 13), service.Billing.Engagement!.EndDate);
        Assert.Equal(7_999_000_000, service.Billing.Pricing!.Price.Money.Ucents);
        Assert.Equal("automatic", service.Billing.Renew!.Current!.Mode);
        Assert.Equal(new DateOnly(2025, 7, 14), infos.Expiration);
        Assert.Equal(ServiceState.Ok, infos.Status);
        Assert.True(infos.Renew!.Automatic);
    }

    [Fact]
    public void Credit_movements_keep_negative_amounts_and_map_their_type()
    {
        var movement = Read<CreditMovement>(Fixture("me-credit-balance-VOUCHER_PCI200_7QK2-movement-5702245.json"));

        Assert.Equal(CreditMovementType.Use, movement.Type);
        Assert.Equal(new Money(-5_642_000_000), movement.Amount.Money);
        Assert.Null(movement.ExpirationDate);
    }

    [Fact]
    public void Unknown_enum_values_become_Unknown_instead_of_failing()
    {
        var bill = Read<Bill>("""{"billId":"X","category":"purchase-quantum","date":"2025-01-01T00:00:00Z"}""");
        var balance = Read<CreditBalance>("""{"balanceName":"B","type":"LOYALTY_POINTS"}""");
        var infos = Read<ServiceInfos>("""{"serviceId":1,"status":"frozen"}""");

        Assert.Equal(BillCategory.Unknown, bill.Category);
        Assert.Equal(CreditBalanceType.Unknown, balance.Type);
        Assert.Equal(ServiceState.Unknown, infos.Status);
    }

    [Fact]
    public void Nulls_missing_fields_and_extra_fields_never_throw()
    {
        var bill = Read<Bill>("""{"billId":null,"orderId":null,"category":null,"date":null,"priceWithTax":null,"futureField":{"a":[1,2]},"tax":{"value":null,"currencyCode":null}}""");
        var transaction = Read<ConsumptionTransaction>("""{"serviceId":null,"elements":null,"price":{"value":1.5}}""");
        var server = Read<DedicatedServer>("{}");

        Assert.Equal("", bill.BillId);
        Assert.Null(bill.OrderId);
        Assert.Equal(Money.Zero, bill.PriceWithTax.Money);
        Assert.Equal(Money.Zero, bill.Tax.Money);
        Assert.Empty(transaction.Elements);
        Assert.Equal(0, transaction.ServiceId);
        Assert.Equal(Money.FromDecimal(1.5m), transaction.Price.Money);
        Assert.Equal("", server.Name);
    }

    [Fact]
    public void Numbers_sent_as_strings_and_strings_sent_as_numbers_are_accepted()
    {
        var transaction = Read<ConsumptionTransaction>(
            """{"serviceId":"104523871","id":"42","price":{"value":"12.34","valueInUcents":"1234000000"},"elements":[{"quantity":"816"}]}""");
        var line = Read<BillDetail>("""{"billDetailId":"L1","quantity":730.5}""");

        Assert.Equal(104523871, transaction.ServiceId);
        Assert.Equal(42, transaction.Id);
        Assert.Equal(new Money(1_234_000_000), transaction.Price.Money);
        Assert.Equal(816m, transaction.Elements[0].Quantity);
        Assert.Equal("730.5", line.Quantity);
        Assert.Equal(730.5m, line.QuantityValue);
    }

    [Fact]
    public void Huge_and_long_decimals_are_read_exactly_never_through_double()
    {
        var price = Read<OvhPrice>("""{"currencyCode":"EUR","value":12345678901234567.12345678}""");
        var large = Read<OvhPrice>("""{"currencyCode":"EUR","value":92233720368.12345678}""");
        var tiny = Read<OvhPrice>("""{"currencyCode":"EUR","value":0.1}""");
        var sum = Read<List<OvhPrice>>("""[{"value":0.1},{"value":0.2}]""");

        Assert.Equal(12345678901234567.12345678m, price.Value);
        Assert.Equal(9_223_372_036_812_345_678L, large.Money.Ucents);
        Assert.Equal(10_000_000L, tiny.Money.Ucents);
        Assert.Equal(0.3m, sum.Sum(p => p.Value));
    }

    [Fact]
    public void A_cloud_total_sent_as_a_price_object_reads_as_its_amount()
    {
        var entry = Read<CloudHourlyInstance>("""{"reference":"b3-8","totalPrice":{"currencyCode":"EUR","priceInUcents":725000000,"text":"7.25 €","value":7.25}}""");

        Assert.Equal(7.25m, entry.TotalPrice);
    }

    [Fact]
    public void A_date_field_carrying_a_full_datetime_keeps_its_own_calendar_day()
    {
        var infos = Read<ServiceInfos>("""{"expiration":"2025-07-14T00:00:00+02:00","creation":"2023-09-14"}""");

        Assert.Equal(new DateOnly(2025, 7, 14), infos.Expiration);
        Assert.Equal(new DateOnly(2023, 9, 14), infos.Creation);
    }
}
