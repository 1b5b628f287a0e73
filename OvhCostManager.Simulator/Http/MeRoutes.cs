using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator.Http;

/// <summary><c>/me</c>: account, bills, consumption, debt, credits.</summary>
internal static class MeRoutes
{
    public static void Map(WebApplication app, SimulatorState state)
    {
        var account = state.Account;
        DateTimeOffset Now() => state.Clock.GetUtcNow();

        app.MapGet("/1.0/auth/time", () => OvhJson.Json(Now().ToUnixTimeSeconds()));

        app.MapGet("/1.0/me", () => OvhJson.Json(new
        {
            address = "12 rue des Exemples", area = (string?)null, birthCity = (string?)null, birthDay = (string?)null, city = "Roubaix",
            companyNationalIdentificationNumber = "12345678900017", complementaryAddress = (string?)null, corporationType = "SAS", country = "FR",
            currency = new { code = account.CurrencyCode, symbol = "EURO" }, customerCode = "1234-5678-90", email = "billing@example.com",
            fax = (string?)null, firstname = "Camille", italianSDI = (string?)null, kycValidated = true, language = "fr_FR", legalform = "corporation",
            name = "Martin", nationalIdentificationNumber = (string?)null, nichandle = account.Nichandle, organisation = "Exemple Cloud SAS",
            ovhCompany = "ovh", ovhSubsidiary = "FR", phone = "+33.320000000", phoneCountry = "FR", phoneType = "landline",
            purposeOfPurchase = (string?)null, sex = (string?)null, spareEmail = (string?)null, state = "complete", vat = "FR12123456789", zip = "59100",
        }));

        app.MapGet("/1.0/me/bill", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (!OvhJson.TryParseDate(query["date.from"], out var from)) return OvhJson.BadRequest($"[date.from] Invalid datetime: {query["date.from"]}");
            if (!OvhJson.TryParseDate(query["date.to"], out var to)) return OvhJson.BadRequest($"[date.to] Invalid datetime: {query["date.to"]}");
            string? category = query["category"];
            long? orderId = null;
            if (!string.IsNullOrEmpty(query["orderId"]))
            {
                if (!long.TryParse(query["orderId"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var o)) return OvhJson.BadRequest("[orderId] Invalid long");
                orderId = o;
            }

            lock (account.SyncRoot)
            {
                var bills = account.VisibleBills(Now())
                    .Where(b => (from is null || b.Date >= from) && (to is null || b.Date <= to)
                        && (string.IsNullOrEmpty(category) || b.Category == category) && (orderId is null || b.OrderId == orderId))
                    .OrderBy(b => b.BillId, StringComparer.Ordinal)
                    .ToList();
                return Pagination.List(context, bills, b => b.BillId, b => Bill(context, b));
            }
        });

        app.MapGet("/1.0/me/bill/{billId}", (HttpContext context, string billId) =>
        {
            lock (account.SyncRoot)
            {
                return VisibleBill(account, billId, Now()) is { } bill ? OvhJson.Json(Bill(context, bill)) : BillNotFound(billId);
            }
        });

        app.MapGet("/1.0/me/bill/{billId}/details", (HttpContext context, string billId) =>
        {
            lock (account.SyncRoot)
            {
                return VisibleBill(account, billId, Now()) is { } bill
                    ? Pagination.List(context, bill.Lines, l => l.DetailId, Detail)
                    : BillNotFound(billId);
            }
        });

        app.MapGet("/1.0/me/bill/{billId}/details/{detailId}", (string billId, string detailId) =>
        {
            lock (account.SyncRoot)
            {
                if (VisibleBill(account, billId, Now()) is not { } bill) return BillNotFound(billId);
                var line = bill.Lines.FirstOrDefault(l => l.DetailId == detailId);
                return line is null
                    ? OvhJson.NotFound($"The requested object (billDetailId = {detailId}) does not exist")
                    : OvhJson.Json(Detail(line));
            }
        });

        app.MapGet("/1.0/me/bill/{billId}/payment", (string billId) =>
        {
            lock (account.SyncRoot)
            {
                if (VisibleBill(account, billId, Now()) is not { } bill) return BillNotFound(billId);
                return bill.PaymentAt(Now()) is { } p
                    ? OvhJson.Json(new { paymentDate = OvhJson.Date(p.PaymentDate), paymentIdentifier = p.PaymentIdentifier, paymentType = p.PaymentType })
                    : OvhJson.NotFound($"The requested object (billId = {billId}) has no payment yet");
            }
        });

        app.MapGet("/1.0/me/bill/{billId}/debt", (string billId) =>
        {
            lock (account.SyncRoot)
            {
                if (VisibleBill(account, billId, Now()) is not { } bill) return BillNotFound(billId);
                return bill.PaymentAt(Now()) is null
                    ? OvhJson.Json(new
                    {
                        amount = OvhJson.OrderPrice(bill.PriceWithTax),
                        date = OvhJson.Date(bill.Date),
                        debtId = 9_000_000_000L + bill.OrderId % 1_000_000_000L,
                        dueAmount = OvhJson.OrderPrice(bill.PriceWithTax),
                        dueDate = OvhJson.Date(bill.DueDate),
                        orderId = bill.OrderId,
                        pendingAmount = OvhJson.OrderPrice(Money.Zero),
                        status = "TODO",
                        todoAmount = OvhJson.OrderPrice(bill.PriceWithTax),
                        unmaturedAmount = OvhJson.OrderPrice(Money.Zero),
                    })
                    : OvhJson.NotFound($"The requested object (billId = {billId}) has no debt");
            }
        });

        app.MapGet("/1.0/me/consumption/usage/current", () =>
        {
            var now = Now();
            var month = BillingMonth.Of(now);
            return OvhJson.Json(Transactions(ConsumptionView.Current(account, now), month, now, closed: false, forecast: false));
        });

        app.MapGet("/1.0/me/consumption/usage/forecast", () =>
        {
            var now = Now();
            var month = BillingMonth.Of(now);
            return OvhJson.Json(Transactions(ConsumptionView.Forecast(account, now), month, now, closed: false, forecast: true));
        });

        app.MapGet("/1.0/me/consumption/usage/history", (HttpContext context) =>
        {
            var query = context.Request.Query;
            if (string.IsNullOrEmpty(query["beginDate"])) return OvhJson.BadRequest("[beginDate] Property is mandatory");
            if (string.IsNullOrEmpty(query["endDate"])) return OvhJson.BadRequest("[endDate] Property is mandatory");
            if (!OvhJson.TryParseDate(query["beginDate"], out var begin)) return OvhJson.BadRequest($"[beginDate] Invalid datetime: {query["beginDate"]}");
            if (!OvhJson.TryParseDate(query["endDate"], out var end)) return OvhJson.BadRequest($"[endDate] Invalid datetime: {query["endDate"]}");
            var now = Now();
            var result = new List<object>();
            foreach (var month in account.ClosedConsumptionMonths(now).Reverse())
            {
                if (month.Start > end || month.End <= begin) continue;
                result.AddRange(Transactions(ConsumptionView.Closed(account, month), month, now, closed: true, forecast: false));
            }

            return OvhJson.Json(result);
        });

        app.MapGet("/1.0/me/debtAccount", () =>
        {
            var now = Now();
            lock (account.SyncRoot)
            {
                var unpaid = Money.Sum(account.VisibleBills(now).Where(b => b.PaymentAt(now) is null).Select(b => b.PriceWithTax));
                return OvhJson.Json(new
                {
                    active = true,
                    dueAmount = OvhJson.OrderPrice(Money.Zero),
                    pendingAmount = OvhJson.OrderPrice(Money.Zero),
                    todoAmount = OvhJson.OrderPrice(unpaid),
                    unmaturedAmount = OvhJson.OrderPrice(Money.Zero),
                });
            }
        });

        app.MapGet("/1.0/me/credit/balance", (HttpContext context, string? type) =>
        {
            var balances = account.CreditBalances.Where(b => string.IsNullOrEmpty(type) || b.Type == type).ToList();
            return Pagination.List(context, balances, b => b.BalanceName, Balance);
        });

        app.MapGet("/1.0/me/credit/balance/{name}", (string name) =>
            account.CreditBalances.FirstOrDefault(b => b.BalanceName == name) is { } balance
                ? OvhJson.Json(Balance(balance))
                : OvhJson.NotFound($"The requested object (balanceName = {name}) does not exist"));

        // Deliberately ignores the CachedObjectList headers: clients must fall back to ids + one call per item.
        app.MapGet("/1.0/me/credit/balance/{name}/movement", (string name) =>
            account.CreditBalances.FirstOrDefault(b => b.BalanceName == name) is { } balance
                ? OvhJson.Json(balance.Movements.Select(m => m.MovementId).ToList())
                : OvhJson.NotFound($"The requested object (balanceName = {name}) does not exist"));

        app.MapGet("/1.0/me/credit/balance/{name}/movement/{movementId}", (string name, string movementId) =>
        {
            var balance = account.CreditBalances.FirstOrDefault(b => b.BalanceName == name);
            if (balance is null) return OvhJson.NotFound($"The requested object (balanceName = {name}) does not exist");
            var movement = long.TryParse(movementId, out var id) ? balance.Movements.FirstOrDefault(m => m.MovementId == id) : null;
            return movement is null
                ? OvhJson.NotFound($"The requested object (movementId = {movementId}) does not exist")
                : OvhJson.Json(Movement(balance, movement));
        });
    }

    private static SimBill? VisibleBill(SimulatedAccount account, string billId, DateTimeOffset now) =>
        account.FindBill(billId) is { } bill && bill.Date <= now ? bill : null;

    private static IResult BillNotFound(string billId) => OvhJson.NotFound($"The requested object (billId = {billId}) does not exist");

    private static object Bill(HttpContext context, SimBill bill)
    {
        var origin = $"{context.Request.Scheme}://{context.Request.Host}";
        return new
        {
            billId = bill.BillId,
            category = bill.Category,
            date = OvhJson.Date(bill.Date),
            orderId = bill.OrderId,
            password = bill.Password,
            pdfUrl = $"{origin}/_simulator/invoice/{bill.BillId}.pdf?passwd={bill.Password}",
            priceWithTax = OvhJson.OrderPrice(bill.PriceWithTax),
            priceWithoutTax = OvhJson.OrderPrice(bill.PriceWithoutTax),
            tax = OvhJson.OrderPrice(bill.Tax),
            url = $"{origin}/_simulator/invoice/{bill.BillId}.html?passwd={bill.Password}",
        };
    }

    private static object Detail(SimBillLine line) => new
    {
        billDetailId = line.DetailId,
        description = line.Description,
        domain = line.Domain,
        periodEnd = OvhJson.Day(line.PeriodEnd),
        periodStart = OvhJson.Day(line.PeriodStart),
        quantity = line.Quantity.ToString("0.####", CultureInfo.InvariantCulture),
        totalPrice = OvhJson.OrderPrice(line.TotalPrice),
        unitPrice = OvhJson.LongPrice(line.UnitPrice),
    };

    private static List<object> Transactions(IReadOnlyList<ConsumptionElement> elements, BillingMonth month, DateTimeOffset now, bool closed, bool forecast)
    {
        // Closed at 00:12 on the 1st, and never stamped after now (the first minutes of a month).
        var lastUpdate = Earliest(closed ? month.End.AddMinutes(12) : LastReading(now), now);
        var creationDate = Earliest(month.Start.AddMinutes(12), now);
        return elements.GroupBy(e => e.ServiceId).Select((group, index) => (object)new
        {
            beginDate = OvhJson.Date(month.Start),
            creationDate = forecast ? null : OvhJson.Date(creationDate),
            elements = group.Select(e => new
            {
                details = e.Details.Select(d => new { price = OvhJson.ConsumptionPrice(d.Amount), quantity = d.Quantity, unique_id = d.UniqueId }).ToList(),
                planCode = e.PlanCode,
                planFamily = e.PlanFamily,
                price = OvhJson.ConsumptionPrice(e.Amount),
                quantity = e.Quantity,
            }).ToList(),
            endDate = closed || forecast ? OvhJson.Date(month.End.AddSeconds(-1)) : null,
            id = forecast ? (long?)null : TransactionId(month, index),
            lastUpdate = OvhJson.Date(lastUpdate),
            price = OvhJson.ConsumptionPrice(Money.Sum(group.Select(e => e.Amount))),
            serviceId = group.Key,
        }).ToList();
    }

    /// <summary>Id of the month's consumption transaction of the <paramref name="index"/>-th service (as <c>usage/current</c> lists them).</summary>
    internal static long TransactionId(BillingMonth month, int index) => 90_000_000L + month.Index % 10_000 * 1_000L + index;

    /// <summary>When ongoing consumption was last computed: the hour of now.</summary>
    internal static DateTimeOffset LastReading(DateTimeOffset now) => now.AddTicks(-(now.Ticks % TimeSpan.TicksPerHour));

    private static DateTimeOffset Earliest(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    private static object Balance(SimCreditBalance balance)
    {
        var expiring = balance.Movements.Where(m => m.ExpirationDate is not null).Select(m => new
        {
            amount = OvhJson.OrderPrice(balance.Amount),
            creationDate = OvhJson.Date(m.CreationDate),
            expirationDate = OvhJson.Date(m.ExpirationDate!.Value),
            lastUpdate = OvhJson.Date(balance.Movements[^1].CreationDate),
            sourceObject = new { id = m.SourceId, name = m.SourceName },
        }).ToList();
        return new
        {
            amount = OvhJson.OrderPrice(balance.Amount),
            balanceDetails = new[]
            {
                new { amount = OvhJson.OrderPrice(balance.Amount), balanceSubName = (string?)null, expiring, serviceId = balance.ServiceId },
            },
            balanceName = balance.BalanceName,
            booked = Array.Empty<object>(),
            creationDate = OvhJson.Date(balance.CreationDate),
            expiring,
            lastUpdate = OvhJson.Date(balance.Movements[^1].CreationDate),
            type = balance.Type,
        };
    }

    private static object Movement(SimCreditBalance balance, SimCreditMovement m) => new
    {
        amount = OvhJson.OrderPrice(m.Amount),
        balanceName = balance.BalanceName,
        creationDate = OvhJson.Date(m.CreationDate),
        destinationObject = m.Type == "USE" ? new { id = m.OrderId?.ToString(CultureInfo.InvariantCulture) ?? "", name = "order" } : null,
        expirationDate = m.ExpirationDate is { } e ? OvhJson.Date(e) : null,
        lastUpdate = OvhJson.Date(m.CreationDate),
        movementId = m.MovementId,
        orderId = m.OrderId,
        sourceObject = new { id = m.SourceId, name = m.SourceName },
        type = m.Type,
    };
}
