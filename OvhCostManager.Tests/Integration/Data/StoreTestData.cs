using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Tests.Integration.Data;

internal static class StoreTestData
{
    public static Bill Bill(string id, DateTimeOffset date, bool linesComplete = true) => new()
    {
        Id = id,
        DateUtc = date,
        PriceWithoutTax = Money.FromDecimal(100m),
        Tax = Money.FromDecimal(20m),
        PriceWithTax = Money.FromDecimal(120m),
        Currency = "EUR",
        OrderId = 8001219876,
        PdfUrl = $"https://www.ovh.com/cgi-bin/order/facture.pdf?reference={id}",
        LinesComplete = linesComplete,
    };

    public static BillLine Line(string detailId, decimal total, string domain = "ns3187654.ip-51-77-102.eu", string description = "Serveur dédié Advance-1") => new()
    {
        DetailId = detailId,
        Description = description,
        Domain = domain,
        Quantity = 1.5m,
        UnitPrice = Money.FromDecimal(total),
        Total = Money.FromDecimal(total),
        PeriodStart = new DateOnly(2025, 5, 1),
        PeriodEnd = new DateOnly(2025, 5, 31),
        Category = ServiceCategory.Compute,
        ResourceType = ResourceType.DedicatedServer,
        ResourceKey = domain,
    };
}
