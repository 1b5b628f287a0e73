using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>
/// The generated OVH account behind the simulator. Deterministic from (seed, shape, Paris date of the clock at start):
/// generation reads the day, never the time of day, so two starts on the same day make the same account. Months are
/// generated as the clock reaches them, so the consumption bill of the 1st appears when time passes. What the API
/// shows depends on the instant: bills and payments dated after it are not there yet.
/// Tests may mutate it; every access goes through <see cref="SyncRoot"/>.
/// </summary>
public sealed partial class SimulatedAccount
{
    private readonly Dictionary<string, SimBill> billsById = new(StringComparer.Ordinal);
    private readonly List<SimBill> bills = [];
    private readonly Dictionary<BillingMonth, MonthPlan> plans = [];
    private readonly Dictionary<BillingMonth, Money> consumptionBumps = [];
    private readonly TimeProvider clock;
    private BillingMonth lastGeneratedMonth;
    private int addedBills;
    private bool billsSorted = true;

    public SimulatedAccount(int seed, AccountShape shape, TimeProvider clock)
    {
        shape.Validate();
        Seed = seed;
        Shape = shape;
        this.clock = clock;
        var now = clock.GetUtcNow();
        StartMonth = BillingMonth.Of(now);
        var day = ParisTime.StartOfDay(now);
        GenerateInventory(day);
        GenerateEvents(day);
        GenerateCloudLeftovers();
        GenerateBilledButNotThere(day);
        var first = StartMonth.AddMonths(-(shape.Months - 1));
        for (var month = first; month <= StartMonth; month = month.Next)
        {
            GenerateMonth(month, day);
        }

        LinkCreditUsesToOrders();

        lastGeneratedMonth = StartMonth;
    }

    public object SyncRoot { get; } = new();
    public int Seed { get; }
    public AccountShape Shape { get; }
    /// <summary>Month of the clock when the account was generated; history ends there.</summary>
    public BillingMonth StartMonth { get; }
    public string Nichandle => "xy12345-ovh";
    public string CurrencyCode => "EUR";

    public List<SimDedicatedServer> DedicatedServers { get; } = [];
    public List<SimVps> Vps { get; } = [];
    public List<SimNetApp> NetApps { get; } = [];
    public List<SimCloudProject> CloudProjects { get; } = [];
    public List<SimInstance> Instances { get; } = [];
    public List<SimOtherService> OtherServices { get; } = [];
    public List<SimCreditBalance> CreditBalances { get; } = [];

    /// <summary>Every generated bill, future-dated ones of the current month included, ordered by date.</summary>
    public IReadOnlyList<SimBill> AllBills
    {
        get
        {
            lock (SyncRoot)
            {
                EnsureSorted();
                return bills.ToArray();
            }
        }
    }

    /// <summary>Bills the API shows at <paramref name="now"/> (dated at or before it), ordered by date.</summary>
    public IReadOnlyList<SimBill> VisibleBills(DateTimeOffset now)
    {
        lock (SyncRoot)
        {
            CatchUp(now);
            EnsureSorted();
            return bills.Where(b => b.Date <= now).ToArray();
        }
    }

    public SimBill? FindBill(string billId)
    {
        lock (SyncRoot)
        {
            return billsById.GetValueOrDefault(billId);
        }
    }

    /// <summary>Generates the months the clock has entered since the last call (new bills of the 1st, new plan).</summary>
    public void CatchUp(DateTimeOffset now)
    {
        var month = BillingMonth.Of(now);
        lock (SyncRoot)
        {
            while (lastGeneratedMonth < month)
            {
                lastGeneratedMonth = lastGeneratedMonth.Next;
                GenerateMonth(lastGeneratedMonth, ParisTime.StartOfDay(now));
            }
        }
    }

    /// <summary>Adds a bill (id <c>FR9xxxxxxx</c>), e.g. to test that an import picks up a late bill.</summary>
    public SimBill AddBill(DateTimeOffset date, IReadOnlyList<NewBillLine> lines, string category = "purchase", bool paid = true)
    {
        lock (SyncRoot)
        {
            addedBills++;
            var id = $"FR9{addedBills:D7}";
            var bill = new SimBill
            {
                BillId = id,
                Date = date,
                Category = category,
                OrderId = 9_000_000_000 + addedBills,
                Password = "added" + addedBills,
                Payment = paid ? new SimPayment(date.AddMinutes(3), "creditCard", "CB-ADDED") : null,
            };
            var n = 0;
            foreach (var line in lines)
            {
                n++;
                bill.Lines.Add(new SimBillLine
                {
                    DetailId = $"{id}-{n}",
                    Description = line.Description,
                    Domain = line.Domain,
                    Quantity = line.Quantity,
                    UnitPrice = line.Quantity == 0 ? 0 : decimal.Round(line.TotalPrice.Amount / line.Quantity, 4),
                    TotalPrice = line.TotalPrice,
                    ServiceCategory = line.ServiceCategory,
                });
            }

            Insert(bill);
            return bill;
        }
    }

    /// <summary>Changes one line of an existing bill (1-based <paramref name="lineNumber"/>), as OVH does for late corrections.</summary>
    public void ChangeBillLine(string billId, int lineNumber, Money newTotal, string? newDescription = null)
    {
        lock (SyncRoot)
        {
            var bill = billsById.GetValueOrDefault(billId) ?? throw new KeyNotFoundException($"No bill {billId}.");
            if (lineNumber < 1 || lineNumber > bill.Lines.Count)
                throw new ArgumentOutOfRangeException(nameof(lineNumber), $"Bill {billId} has {bill.Lines.Count} lines.");
            var line = bill.Lines[lineNumber - 1];
            line.TotalPrice = newTotal;
            line.UnitPrice = line.Quantity == 0 ? 0 : decimal.Round(newTotal.Amount / line.Quantity, 4);
            if (newDescription is not null) line.Description = newDescription;
        }
    }

    public bool RemoveBill(string billId)
    {
        lock (SyncRoot)
        {
            if (!billsById.Remove(billId, out var bill)) return false;
            bills.Remove(bill);
            return true;
        }
    }

    /// <summary>Marks a bill paid or unpaid.</summary>
    public void SetPayment(string billId, SimPayment? payment)
    {
        lock (SyncRoot)
        {
            var bill = billsById.GetValueOrDefault(billId) ?? throw new KeyNotFoundException($"No bill {billId}.");
            bill.Payment = payment;
        }
    }

    /// <summary>Adds to the ongoing consumption of the clock's current month (current, forecast and the next bill of the 1st).</summary>
    public void AdvanceConsumption(Money delta)
    {
        var now = clock.GetUtcNow();
        lock (SyncRoot)
        {
            CatchUp(now);
            var month = BillingMonth.Of(now);
            consumptionBumps[month] = consumptionBumps.GetValueOrDefault(month) + delta;
        }
    }

    internal Money BumpOf(BillingMonth month)
    {
        lock (SyncRoot)
        {
            return consumptionBumps.GetValueOrDefault(month);
        }
    }

    /// <summary>The consumption elements of a month with their full-month amounts.</summary>
    public MonthPlan PlanFor(BillingMonth month)
    {
        lock (SyncRoot)
        {
            if (!plans.TryGetValue(month, out var plan))
            {
                plan = GeneratePlan(month);
                plans[month] = plan;
            }

            return plan;
        }
    }

    /// <summary>Months whose consumption is closed and billed (history), newest first.</summary>
    internal IEnumerable<BillingMonth> ClosedConsumptionMonths(DateTimeOffset now)
    {
        var current = BillingMonth.Of(now);
        for (var month = current.Previous; month >= StartMonth.AddMonths(-Shape.Months); month = month.Previous)
        {
            yield return month;
        }
    }

    private void Insert(SimBill bill)
    {
        billsById.Add(bill.BillId, bill);
        if (bills.Count > 0 && bills[^1].Date > bill.Date) billsSorted = false;
        bills.Add(bill);
    }

    private void EnsureSorted()
    {
        if (billsSorted) return;
        bills.Sort((a, b) => a.Date != b.Date ? a.Date.CompareTo(b.Date) : string.CompareOrdinal(a.BillId, b.BillId));
        billsSorted = true;
    }
}
