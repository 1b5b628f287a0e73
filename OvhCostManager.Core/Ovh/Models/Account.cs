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
public sealed record DebtAccount
{
    public bool Active { get; init; }
    public OvhPrice? DueAmount { get; init; }
    public OvhPrice? PendingAmount { get; init; }
    public OvhPrice? TodoAmount { get; init; }
    public OvhPrice? UnmaturedAmount { get; init; }
}
