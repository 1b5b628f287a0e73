namespace OvhCostManager.Core.Ovh.Models;

/// <summary><c>GET /me</c> (<c>nichandle.Nichandle</c>), the fields a cost tool reads.</summary>
public sealed record OvhAccount
{
    public string Nichandle { get; init; } = "";
    public OvhCurrency Currency { get; init; } = new();
    public string Email { get; init; } = "";
    public string? CustomerCode { get; init; }
    public string Country { get; init; } = "";
    public string OvhSubsidiary { get; init; } = "";
    public string OvhCompany { get; init; } = "";
    public string? Language { get; init; }
    public string? Organisation { get; init; }
    public string? Name { get; init; }
    public string? Firstname { get; init; }
    public string State { get; init; } = "";
}

public sealed record OvhCurrency
{
    public string Code { get; init; } = "";
    public string Symbol { get; init; } = "";
}

/// <summary><c>GET /me/debtAccount</c> (<c>debt.Balance</c>).</summary>
/// <summary>
/// <c>GET /me/bill/{billId}/debt</c> (<c>debt.Debt</c>): what is still owed on one bill. <c>dueDate</c>, when set, is
/// the date before which OVH will not recover the debt: the bill's due date.
/// </summary>
public sealed record BillDebt
{
    public long DebtId { get; init; }
    public DateTimeOffset Date { get; init; }
    public DateTimeOffset? DueDate { get; init; }
    public OvhPrice? Amount { get; init; }
    public OvhPrice? DueAmount { get; init; }
    public long? OrderId { get; init; }
}

public sealed record DebtAccount
{
    public bool Active { get; init; }
    public OvhPrice? DueAmount { get; init; }
    public OvhPrice? PendingAmount { get; init; }
    public OvhPrice? TodoAmount { get; init; }
    public OvhPrice? UnmaturedAmount { get; init; }
}
