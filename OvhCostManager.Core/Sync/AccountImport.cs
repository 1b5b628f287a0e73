using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCreditBalance = OvhCostManager.Core.Ovh.Models.CreditBalance;
using OvhCreditBalanceType = OvhCostManager.Core.Ovh.Models.CreditBalanceType;
using OvhCreditMovement = OvhCostManager.Core.Ovh.Models.CreditMovement;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Reads the account's position: the billing currency (<c>/me</c>), debt (<c>/me/debtAccount</c>), credit balances
/// with their movements, and stores a balance snapshot. Credits are replaced only when every balance's movements were
/// read.
/// </summary>
public sealed class AccountImport(IOvhApi ovh, ConsumptionStore store, AccountSettingsStore settings)
{
    public const string StepName = "account";

    public async Task RunAsync(SyncRunRecorder run, CancellationToken cancellationToken)
    {
        run.Report(StepName, 0, 3);
        var failures = 0;

        // The three reads go out together, and the movements of every balance together after the balances.
        var meRead = ovh.GetMeAsync(cancellationToken);
        var debtRead = ovh.GetDebtAccountAsync(cancellationToken);
        var balancesRead = ReadCreditsAsync(cancellationToken);
        try
        {
            var me = await meRead;
            if (!string.IsNullOrWhiteSpace(me.Currency.Code))
            {
                await run.Writes.WriteAsync(() => settings.SaveCurrencyAsync(me.Currency.Code, cancellationToken), cancellationToken);
            }
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            failures++;
            run.ItemFailed(StepName, "account (/me)", e);
        }

        Ovh.Models.DebtAccount? debt = null;
        try
        {
            debt = await debtRead;
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            failures++;
            run.ItemFailed(StepName, "debt account", e);
        }

        run.Report(StepName, 1, 3);
        IReadOnlyList<OvhCreditBalance>? balances = null;
        try
        {
            (balances, var movements) = await balancesRead;
            await run.Writes.WriteAsync(() => store.ReplaceCreditsAsync(
                [.. balances.Select(ToBalance)],
                [.. movements.GroupBy(m => (m.BalanceName, m.MovementId)).Select(g => ToMovement(g.First()))],
                cancellationToken), cancellationToken);
        }
        catch (Exception e) when (SyncRunRecorder.IsOvhFailure(e))
        {
            failures++;
            balances = null;
            run.ItemFailed(StepName, "credit balances", e);
        }

        run.Report(StepName, 2, 3);
        if (debt is not null && balances is not null)
        {
            var snapshot = new AccountBalanceSnapshot
            {
                DebtActive = debt.Active,
                DebtDue = debt.DueAmount?.Money ?? Money.Zero,
                DebtPending = debt.PendingAmount?.Money ?? Money.Zero,
                DebtTodo = debt.TodoAmount?.Money ?? Money.Zero,
                DebtUnmatured = debt.UnmaturedAmount?.Money ?? Money.Zero,
                CreditsTotal = Money.Sum(balances.Where(b => b.Type != OvhCreditBalanceType.Deposit).Select(b => b.Amount.Money)),
                DepositsTotal = Money.Sum(balances.Where(b => b.Type == OvhCreditBalanceType.Deposit).Select(b => b.Amount.Money)),
                Currency = debt.DueAmount?.CurrencyCode is { Length: 3 } code ? code : "EUR",
            };
            await run.Writes.WriteAsync(() => store.AddBalanceSnapshotAsync(snapshot, cancellationToken), cancellationToken);
        }

        run.Report(StepName, 3, 3);
        if (failures == 3)
        {
            run.StepFailed(StepName, new OvhApiException("No account information could be read; nothing was stored.", "/me"));
        }

        run.StepDone(StepName);
    }

    private async Task<(IReadOnlyList<OvhCreditBalance> Balances, List<OvhCreditMovement> Movements)> ReadCreditsAsync(CancellationToken cancellationToken)
    {
        var balances = await ovh.ListCreditBalancesAsync(cancellationToken);
        var movements = await Task.WhenAll(balances.Select(async balance =>
            (await ovh.ListCreditMovementsAsync(balance.BalanceName, cancellationToken))
            .Select(m => string.IsNullOrEmpty(m.BalanceName) ? m with { BalanceName = balance.BalanceName } : m)));
        return (balances, [.. movements.SelectMany(m => m)]);
    }

    private static CreditBalance ToBalance(OvhCreditBalance balance)
    {
        var expiring = balance.Expiring.Concat(balance.BalanceDetails.SelectMany(d => d.Expiring)).ToList();
        return new CreditBalance
        {
            Name = balance.BalanceName,
            Type = TypeName(balance.Type),
            Amount = balance.Amount.Money,
            Currency = string.IsNullOrWhiteSpace(balance.Amount.CurrencyCode) ? "EUR" : balance.Amount.CurrencyCode,
            ExpiringAmount = Money.Sum(balance.Expiring.Select(e => e.Amount.Money)),
            NextExpirationUtc = expiring.Count == 0 ? null : expiring.Min(e => e.ExpirationDate).ToUniversalTime(),
            CreatedAtUtc = balance.CreationDate == default ? null : balance.CreationDate.ToUniversalTime(),
            LastUpdateUtc = balance.LastUpdate == default ? null : balance.LastUpdate.ToUniversalTime(),
        };
    }

    private static CreditMovement ToMovement(OvhCreditMovement movement) => new()
    {
        BalanceName = movement.BalanceName,
        MovementId = movement.MovementId,
        Amount = movement.Amount.Money,
        Currency = string.IsNullOrWhiteSpace(movement.Amount.CurrencyCode) ? "EUR" : movement.Amount.CurrencyCode,
        Type = movement.Type.ToString().ToUpperInvariant(),
        CreatedAtUtc = movement.CreationDate.ToUniversalTime(),
        ExpiresAtUtc = movement.ExpirationDate?.ToUniversalTime(),
        OrderId = movement.OrderId,
        SourceName = movement.SourceObject?.Name,
        DestinationName = movement.DestinationObject?.Name,
    };

    /// <summary>OVH's <c>me.credit.balance.TypeEnum</c> as sent (<c>PREPAID_ACCOUNT</c>).</summary>
    private static string TypeName(OvhCreditBalanceType type) => type switch
    {
        OvhCreditBalanceType.Bonus => "BONUS",
        OvhCreditBalanceType.Deposit => "DEPOSIT",
        OvhCreditBalanceType.PrepaidAccount => "PREPAID_ACCOUNT",
        OvhCreditBalanceType.Voucher => "VOUCHER",
        _ => "UNKNOWN",
    };
}
