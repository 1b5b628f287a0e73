using System.Globalization;
using Microsoft.AspNetCore.Builder;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator.Http;

/// <summary>
/// <c>/services/{serviceId}/consumption</c> (BETA): the month's ongoing consumption of one service, the same figures as
/// its <c>/me/consumption/usage/current</c> transaction, per plan family and per consumed resource.
/// </summary>
internal static class ServiceConsumptionRoutes
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        var account = state.Account;
        DateTimeOffset Now() => state.Clock.GetUtcNow();

        app.MapGet("/1.0/services/{serviceId}/consumption", (string serviceId) =>
        {
            var now = Now();
            if (Ongoing(account, serviceId, now) is not { } ongoing) return Missing(account, serviceId);
            var month = BillingMonth.Of(now);
            return OvhJson.Json(new
            {
                beginDate = OvhJson.Date(month.Start),
                endDate = OvhJson.Date(MeRoutes.LastReading(now)),
                id = MeRoutes.TransactionId(month, ongoing.Index),
                orderId = (long?)null,
                price = OvhJson.OrderPrice(Money.Sum(ongoing.Elements.Select(e => e.Amount))),
                priceByPlanFamily = ongoing.Elements.GroupBy(e => e.PlanFamily)
                    .Select(g => new { planFamily = g.Key, price = OvhJson.OrderPrice(Money.Sum(g.Select(e => e.Amount))) }).ToList(),
                serviceId = ongoing.Elements[0].ServiceId,
            });
        });

        app.MapGet("/1.0/services/{serviceId}/consumption/element", (string serviceId, string? planFamily, string? uniqueId) =>
        {
            var now = Now();
            if (Ongoing(account, serviceId, now) is not { } ongoing) return Missing(account, serviceId);
            var month = BillingMonth.Of(now);
            var period = new { beginDate = OvhJson.Date(month.Start), endDate = OvhJson.Date(MeRoutes.LastReading(now)) };
            return OvhJson.Json(ongoing.Elements
                .Where(e => string.IsNullOrEmpty(planFamily) || e.PlanFamily == planFamily)
                .SelectMany(e => e.Details.Select(d => (Element: e, Detail: d)))
                .Where(x => string.IsNullOrEmpty(uniqueId) || x.Detail.UniqueId == uniqueId)
                .Select(x => new
                {
                    details = new[] { new { period.beginDate, period.endDate, pricingMode = "consumption", quantity = x.Detail.Quantity } },
                    metadata = x.Element.PlanFamily == "instance"
                        ? new[] { new { key = "region", value = x.Element.Region }, new { key = "flavor", value = x.Element.Reference } }
                        : new[] { new { key = "region", value = x.Element.Region } },
                    planCode = x.Element.PlanCode,
                    planFamily = x.Element.PlanFamily,
                    price = OvhJson.OrderPrice(x.Detail.Amount),
                    quantity = x.Detail.Quantity,
                    uniqueId = x.Detail.UniqueId,
                }).ToList());
        });
    }

    /// <summary>The service's elements of the month so far and its position among the month's transactions; null when it consumes nothing.</summary>
    private static (IReadOnlyList<ConsumptionElement> Elements, int Index)? Ongoing(SimulatedAccount account, string serviceId, DateTimeOffset now)
    {
        if (!long.TryParse(serviceId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return null;
        var groups = ConsumptionView.Current(account, now).GroupBy(e => e.ServiceId).ToList();
        var index = groups.FindIndex(g => g.Key == id);
        return index < 0 ? null : (groups[index].ToList(), index);
    }

    private static Microsoft.AspNetCore.Http.IResult Missing(SimulatedAccount account, string serviceId) =>
        InventoryRoutes.Services(account).Any(s => s.Terms.ServiceId.ToString(CultureInfo.InvariantCulture) == serviceId)
            ? OvhJson.NotFound($"The requested object (serviceId = {serviceId}) has no ongoing consumption")
            : OvhJson.NotFound($"The requested object (serviceId = {serviceId}) does not exist");
}
