using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OvhCostManager.Simulator.Http;

/// <summary><c>/me/order</c> (what each bill was bought by) and <c>/me/deposit</c> (top-ups of the prepaid and debt accounts).</summary>
internal static class OrderRoutes
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        var account = state.Account;
        DateTimeOffset Now() => state.Clock.GetUtcNow();

        app.MapGet("/1.0/me/order", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (!OvhJson.TryParseDate(query["date.from"], out var from)) return OvhJson.BadRequest($"[date.from] Invalid datetime: {query["date.from"]}");
            if (!OvhJson.TryParseDate(query["date.to"], out var to)) return OvhJson.BadRequest($"[date.to] Invalid datetime: {query["date.to"]}");
            var orders = account.Orders(Now()).Where(o => (from is null || o.Date >= from) && (to is null || o.Date <= to)).ToList();
            return Pagination.List(context, orders, o => o.OrderId, Order);
        });

        app.MapGet("/1.0/me/order/{orderId}", (string orderId) =>
            Find(account, orderId, Now()) is { } order ? OvhJson.Json(Order(order)) : OrderNotFound(orderId));

        app.MapGet("/1.0/me/order/{orderId}/details", (HttpContext context, string orderId) =>
            Find(account, orderId, Now()) is { } order
                ? Pagination.List(context, order.Details, d => d.OrderDetailId, Detail)
                : OrderNotFound(orderId));

        app.MapGet("/1.0/me/order/{orderId}/details/{orderDetailId}", (string orderId, string orderDetailId) =>
        {
            if (Find(account, orderId, Now()) is not { } order) return OrderNotFound(orderId);
            var detail = long.TryParse(orderDetailId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                ? order.Details.FirstOrDefault(d => d.OrderDetailId == id)
                : null;
            return detail is null
                ? OvhJson.NotFound($"The requested object (orderDetailId = {orderDetailId}) does not exist")
                : OvhJson.Json(Detail(detail));
        });

        app.MapGet("/1.0/me/deposit", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (!OvhJson.TryParseDate(query["date.from"], out var from)) return OvhJson.BadRequest($"[date.from] Invalid datetime: {query["date.from"]}");
            if (!OvhJson.TryParseDate(query["date.to"], out var to)) return OvhJson.BadRequest($"[date.to] Invalid datetime: {query["date.to"]}");
            string? orderId = query["orderId"];
            var deposits = account.Deposits(Now())
                .Where(d => (from is null || d.Date >= from) && (to is null || d.Date <= to)
                    && (string.IsNullOrEmpty(orderId) || d.OrderId.ToString(CultureInfo.InvariantCulture) == orderId))
                .OrderBy(d => d.DepositId, StringComparer.Ordinal)
                .ToList();
            return Pagination.List(context, deposits, d => d.DepositId, Deposit);
        });

        app.MapGet("/1.0/me/deposit/{depositId}", (string depositId) =>
            account.Deposits(Now()).FirstOrDefault(d => d.DepositId == depositId) is { } deposit
                ? OvhJson.Json(Deposit(deposit))
                : OvhJson.NotFound($"The requested object (depositId = {depositId}) does not exist"));
    }

    private static SimOrder? Find(SimulatedAccount account, string orderId, DateTimeOffset now) =>
        long.TryParse(orderId, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? account.Orders(now).FirstOrDefault(o => o.OrderId == id)
            : null;

    private static IResult OrderNotFound(string orderId) => OvhJson.NotFound($"The requested object (orderId = {orderId}) does not exist");

    // Order and deposit documents are OVH's own pages, which the simulator does not serve.
    private static object Order(SimOrder order) => new
    {
        date = OvhJson.Date(order.Date),
        expirationDate = OvhJson.Date(order.Date.AddDays(14)),
        orderId = order.OrderId,
        password = order.Password,
        pdfUrl = $"https://www.ovh.com/cgi-bin/order/bon-de-commande.pdf?reference={order.OrderId}&passwd={order.Password}",
        priceWithTax = OvhJson.OrderPrice(order.PriceWithTax),
        priceWithoutTax = OvhJson.OrderPrice(order.PriceWithoutTax),
        retractionDate = (string?)null,
        tax = OvhJson.OrderPrice(order.Tax),
        url = $"https://www.ovh.com/cgi-bin/order/displayOrder.cgi?orderId={order.OrderId}&orderPassword={order.Password}",
    };

    private static object Detail(SimOrderDetail detail) => new
    {
        cancelled = false,
        description = detail.Description,
        detailType = detail.DetailType,
        domain = detail.Domain,
        orderDetailId = detail.OrderDetailId,
        quantity = detail.Quantity.ToString("0.####", CultureInfo.InvariantCulture),
        totalPrice = OvhJson.OrderPrice(detail.TotalPrice),
        unitPrice = OvhJson.OrderPrice(OvhCostManager.Core.Costs.Money.FromDecimal(detail.UnitPrice)),
    };

    private static object Deposit(SimDeposit deposit) => new
    {
        amount = OvhJson.OrderPrice(deposit.Amount),
        date = OvhJson.Date(deposit.Date),
        depositId = deposit.DepositId,
        orderId = deposit.OrderId,
        password = deposit.Password,
        paymentInfo = (object?)null,
        pdfUrl = $"https://www.ovh.com/cgi-bin/order/deposit.cgi?reference={deposit.DepositId}&passwd={deposit.Password}",
        url = $"https://www.ovh.com/cgi-bin/order/deposit.cgi?reference={deposit.DepositId}&passwd={deposit.Password}&html=1",
    };
}
