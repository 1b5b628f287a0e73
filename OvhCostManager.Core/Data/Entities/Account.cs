using OvhCostManager.Core.Costs;

namespace OvhCostManager.Core.Data.Entities;

/// <summary>The account's debt, credit and deposit position at one moment (<c>/me/debtAccount</c>, <c>/me/credit/balance</c>, <c>/me/deposit</c>).</summary>
public sealed class AccountBalanceSnapshot
{
    public long Id { get; set; }
    public DateTimeOffset TakenAtUtc { get; set; }
    public bool DebtActive { get; set; }

    /// <summary>OVH <c>dueAmount</c>: debts the account has.</summary>
    public Money DebtDue { get; set; }

    /// <summary>OVH <c>pendingAmount</c>: being processed.</summary>
    public Money DebtPending { get; set; }

    /// <summary>OVH <c>todoAmount</c>: reserved, awaiting payment.</summary>
    public Money DebtTodo { get; set; }

    /// <summary>OVH <c>unmaturedAmount</c>: deferred payment term not yet due.</summary>
    public Money DebtUnmatured { get; set; }

    public Money CreditsTotal { get; set; }
    public Money DepositsTotal { get; set; }
    public string Currency { get; set; } = "EUR";
}

/// <summary>A prepaid, voucher, bonus or deposit balance (<c>/me/credit/balance/{balanceName}</c>).</summary>
public sealed class CreditBalance
{
    public string Name { get; set; } = "";

    /// <summary>OVH <c>type</c>: BONUS, DEPOSIT, PREPAID_ACCOUNT, VOUCHER (kept as sent).</summary>
    public string Type { get; set; } = "";

    public Money Amount { get; set; }
    public string Currency { get; set; } = "EUR";

    /// <summary>Sum of the <c>expiring</c> movements.</summary>
    public Money ExpiringAmount { get; set; }

    public DateTimeOffset? NextExpirationUtc { get; set; }
    public DateTimeOffset? CreatedAtUtc { get; set; }
    public DateTimeOffset? LastUpdateUtc { get; set; }
}

/// <summary>One movement of a credit balance (<c>.../movement/{movementId}</c>).</summary>
public sealed class CreditMovement
{
    public string BalanceName { get; set; } = "";
    public long MovementId { get; set; }
    public Money Amount { get; set; }
    public string Currency { get; set; } = "EUR";

    /// <summary>OVH <c>type</c> (USE, REFUND, VOUCHER, EXPIRE, ...).</summary>
    public string Type { get; set; } = "";

    public DateTimeOffset CreatedAtUtc { get; set; }
    public DateTimeOffset? ExpiresAtUtc { get; set; }
    public long? OrderId { get; set; }
    public string? SourceName { get; set; }
    public string? DestinationName { get; set; }
}

/// <summary>The single row of account-wide settings the dashboard edits.</summary>
public sealed class AccountSettings
{
    public const int SingletonId = 1;
    public const string DefaultTimeZoneId = "Europe/Paris";

    public int Id { get; set; } = SingletonId;

    /// <summary>IANA id of the zone that decides which month a bill or reading belongs to.</summary>
    public string TimeZoneId { get; set; } = DefaultTimeZoneId;

    public string Currency { get; set; } = "EUR";

    public DateTimeOffset? UpdatedAtUtc { get; set; }
}
