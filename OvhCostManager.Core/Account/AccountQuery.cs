using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Account;

/// <summary>The account's position: latest debt/credit/deposit reading, credit balances and their movements.</summary>
public sealed record AccountBalanceView(
    string Currency,
    DateTimeOffset? TakenAtUtc,
    Money DebtDue,
    Money DebtPending,
    Money DebtTodo,
    Money DebtUnmatured,
    Money Credits,
    Money Deposits,
    IReadOnlyList<CreditBalanceRow> Balances,
    IReadOnlyList<CreditMovementRow> Movements)
{
    /// <summary>Everything the debt account says is owed (due, being processed, awaiting payment, deferred).</summary>
    public Money Debt => DebtDue + DebtPending + DebtTodo + DebtUnmatured;

    /// <summary>Credits and deposits minus the debt: positive when the account is ahead.</summary>
    public Money NetBalance => Credits + Deposits - Debt;

    public bool HasData => TakenAtUtc is not null || Balances.Count > 0;
}

public sealed record CreditBalanceRow(string Name, string Type, Money Amount, Money ExpiringAmount, DateTimeOffset? NextExpirationUtc);

public sealed record CreditMovementRow(string BalanceName, long MovementId, DateTimeOffset CreatedAtUtc, string Type, Money Amount, DateTimeOffset? ExpiresAtUtc);

/// <summary>A bill with its payment status, for the bills list.</summary>
public sealed record BillRow(
    string Id,
    DateTimeOffset DateUtc,
    string BillingMonth,
    Money PriceWithoutTax,
    Money PriceWithTax,
    BillPaymentStatus PaymentStatus,
    DateTimeOffset? PaymentDateUtc,
    string? PaymentType,
    int LineCount,
    string? PdfUrl);

/// <summary>Reads the account section: balance, credits, bills with payment status and each bill's lines.</summary>
public sealed class AccountQuery(IDbContextFactory<CostDbContext> contexts)
{
    /// <summary>The latest balance reading (zeros before the first one) with the stored credit balances and movements.</summary>
    public async Task<AccountBalanceView> GetBalanceAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var settings = await context.ReadAccountSettingsAsync(cancellationToken);
        var latest = await context.AccountBalanceSnapshots
            .OrderByDescending(s => s.TakenAtUtc).ThenByDescending(s => s.Id)
            .FirstOrDefaultAsync(cancellationToken);
        var balances = (await context.CreditBalances.ToListAsync(cancellationToken))
            .Select(b => new CreditBalanceRow(b.Name, b.Type, b.Amount, b.ExpiringAmount, b.NextExpirationUtc))
            .OrderByDescending(b => b.Amount).ThenBy(b => b.Name, StringComparer.Ordinal)
            .ToList();
        var movements = (await context.CreditMovements.ToListAsync(cancellationToken))
            .Select(m => new CreditMovementRow(m.BalanceName, m.MovementId, m.CreatedAtUtc, m.Type, m.Amount, m.ExpiresAtUtc))
            .OrderByDescending(m => m.CreatedAtUtc).ThenByDescending(m => m.MovementId)
            .ToList();

        // The stored credit balances are the truth for credits; the snapshot total is used when none were listed.
        var credits = balances.Count > 0 ? Money.Sum(balances.Where(b => !IsDeposit(b.Type)).Select(b => b.Amount)) : latest?.CreditsTotal ?? Money.Zero;
        var deposits = latest?.DepositsTotal ?? Money.Zero;
        if (balances.Any(b => IsDeposit(b.Type)))
        {
            deposits = Money.Sum(balances.Where(b => IsDeposit(b.Type)).Select(b => b.Amount));
        }

        return new AccountBalanceView(
            latest?.Currency ?? settings.Currency,
            latest?.TakenAtUtc,
            latest?.DebtDue ?? Money.Zero,
            latest?.DebtPending ?? Money.Zero,
            latest?.DebtTodo ?? Money.Zero,
            latest?.DebtUnmatured ?? Money.Zero,
            credits,
            deposits,
            balances,
            movements);
    }

    /// <summary>Every bill, newest first, with its payment status.</summary>
    public async Task<IReadOnlyList<BillRow>> GetBillsAsync(CancellationToken cancellationToken = default)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        return (await context.Bills
                .Select(b => new BillRow(b.Id, b.DateUtc, b.BillingMonth, b.PriceWithoutTax, b.PriceWithTax, b.PaymentStatus, b.PaymentDateUtc, b.PaymentType, b.LineCount, b.PdfUrl))
                .ToListAsync(cancellationToken))
            .OrderByDescending(b => b.DateUtc).ThenByDescending(b => b.Id, StringComparer.Ordinal)
            .ToList();
    }

    private static bool IsDeposit(string type) => string.Equals(type, "DEPOSIT", StringComparison.OrdinalIgnoreCase);
}
