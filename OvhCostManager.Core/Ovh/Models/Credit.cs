namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>me.credit.balance.TypeEnum</c>.</summary>
public enum CreditBalanceType
{
    Unknown,
    Bonus,
    Deposit,
    PrepaidAccount,
    Voucher,
}

/// <summary><c>me.credit.balance.movement.TypeEnum</c>.</summary>
public enum CreditMovementType
{
    Unknown,
    Bonus,
    Cancel,
    CreditNote,
    Expire,
    Gift,
    Manual,
    Order,
    Refund,
    Unpaid,
    Use,
    Voucher,
}

/// <summary><c>GET /me/credit/balance/{balanceName}</c> (<c>me.credit.Balance</c>).</summary>
public sealed record CreditBalance
{
    public string BalanceName { get; init; } = "";
    public CreditBalanceType Type { get; init; }
    public OvhPrice Amount { get; init; } = new();
    public DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset LastUpdate { get; init; }
    public IReadOnlyList<CreditBalanceDetail> BalanceDetails { get; init; } = [];
    public IReadOnlyList<CreditBookedMovement> Booked { get; init; } = [];
    public IReadOnlyList<CreditExpiringMovement> Expiring { get; init; } = [];
}

public sealed record CreditBalanceDetail
{
    public OvhPrice Amount { get; init; } = new();
    public string? BalanceSubName { get; init; }
    public long? ServiceId { get; init; }
    public IReadOnlyList<CreditExpiringMovement> Expiring { get; init; } = [];
}

public sealed record CreditBookedMovement
{
    public OvhPrice Amount { get; init; } = new();
    public string? BalanceSubName { get; init; }
    public long OrderId { get; init; }
}

public sealed record CreditExpiringMovement
{
    public OvhPrice Amount { get; init; } = new();
    public DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset ExpirationDate { get; init; }
    public DateTimeOffset LastUpdate { get; init; }
    public CreditMovementObject? SourceObject { get; init; }
}

public sealed record CreditMovementObject
{
    public string Id { get; init; } = "";
    public string Name { get; init; } = "";
}

/// <summary><c>GET /me/credit/balance/{balanceName}/movement/{movementId}</c> (<c>me.credit.balance.Movement</c>).</summary>
public sealed record CreditMovement
{
    public long MovementId { get; init; }
    public string BalanceName { get; init; } = "";
    public CreditMovementType Type { get; init; }
    public OvhPrice Amount { get; init; } = new();
    public DateTimeOffset CreationDate { get; init; }
    public DateTimeOffset LastUpdate { get; init; }
    public DateTimeOffset? ExpirationDate { get; init; }
    public long? OrderId { get; init; }
    public CreditMovementObject? SourceObject { get; init; }
    public CreditMovementObject? DestinationObject { get; init; }
}
