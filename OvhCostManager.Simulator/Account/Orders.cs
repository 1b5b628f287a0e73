using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>An order (<c>billing.Order</c>): what was bought, priced as the bill it led to, or a deposit's top-up.</summary>
public sealed record SimOrder(long OrderId, DateTimeOffset Date, string Password, Money PriceWithoutTax, Money Tax, IReadOnlyList<SimOrderDetail> Details)
{
    public Money PriceWithTax => PriceWithoutTax + Tax;
}

/// <summary>One entry of an order (<c>billing.OrderDetail</c>).</summary>
public sealed record SimOrderDetail(long OrderDetailId, string Description, string Domain, string DetailType, decimal Quantity, decimal UnitPrice, Money TotalPrice);

/// <summary>A payment into the prepaid or debt account (<c>billing.Deposit</c>), made through an order of its own.</summary>
public sealed record SimDeposit(string DepositId, DateTimeOffset Date, Money Amount, long OrderId, string Password);

public sealed partial class SimulatedAccount
{
    /// <summary>
    /// Every bill comes from one order (its <c>orderId</c>), placed a second before the bill is issued and priced as
    /// the bill, one entry per bill line; each deposit has its order too. Orders dated after <paramref name="now"/>
    /// are not there yet. Ordered by id.
    /// </summary>
    public IReadOnlyList<SimOrder> Orders(DateTimeOffset now)
    {
        lock (SyncRoot)
        {
            var fromBills = VisibleBills(now).Select(OrderOf);
            var fromDeposits = Deposits(now).Select(d => new SimOrder(d.OrderId, d.Date.AddSeconds(-1), d.Password, d.Amount, Money.Zero,
                [new SimOrderDetail(DetailId(d.OrderId, 1), "Dépôt sur le compte prépayé / prepaid account deposit", Nichandle, "OTHER", 1, d.Amount.Amount, d.Amount)]));
            return fromBills.Concat(fromDeposits).Where(o => o.Date <= now).OrderBy(o => o.OrderId).ToList();
        }
    }

    /// <summary>Deposits: the initial top-ups of the DEPOSIT and PREPAID_ACCOUNT credit balances, dated at or before <paramref name="now"/>.</summary>
    public IReadOnlyList<SimDeposit> Deposits(DateTimeOffset now) =>
        CreditBalances.Where(b => b.Type is "DEPOSIT" or "PREPAID_ACCOUNT")
            .Select(b => b.Movements[0])
            .Where(m => m.CreationDate <= now)
            .Select(m => new SimDeposit($"DEP{m.MovementId}", m.CreationDate, m.Amount, 7_900_000_000 + m.MovementId, $"d{m.MovementId % 1_000_000:x6}"))
            .ToList();

    /// <summary>A voucher or prepaid credit spent pays the order of the last bill issued before it was spent.</summary>
    private void LinkCreditUsesToOrders()
    {
        EnsureSorted();
        for (var i = 0; i < CreditBalances.Count; i++)
        {
            var balance = CreditBalances[i];
            CreditBalances[i] = balance with
            {
                Movements = balance.Movements.Select(m => m.Type == "USE" && bills.LastOrDefault(b => b.Date <= m.CreationDate) is { } bill
                    ? m with { OrderId = bill.OrderId, DestinationBillId = bill.BillId }
                    : m).ToList(),
            };
        }
    }

    private static SimOrder OrderOf(SimBill bill) =>
        new(bill.OrderId, bill.Date.AddSeconds(-1), bill.Password, bill.PriceWithoutTax, bill.Tax,
            bill.Lines.Select((line, i) => new SimOrderDetail(DetailId(bill.OrderId, i + 1), line.Description, line.Domain, DetailType(bill, line),
                line.Quantity, line.UnitPrice, line.TotalPrice)).ToList());

    private static long DetailId(long orderId, int n) => orderId % 100_000_000 * 1_000 + n;

    /// <summary>Last month's pay-as-you-go is consumption; renewals renew; a discount is a gift; the rest is bought for a duration.</summary>
    private static string DetailType(SimBill bill, SimBillLine line) => line switch
    {
        _ when line.TotalPrice < Money.Zero => "GIFT",
        _ when bill.IsConsumptionBill && line.PeriodStart is { } start && start < bill.Month.FirstDay => "CONSUMPTION",
        _ when bill.Category == "autorenew" => "RENEW",
        _ => "DURATION",
    };
}
