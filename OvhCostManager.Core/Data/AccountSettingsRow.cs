using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

public static class AccountSettingsRow
{
    /// <summary>The single <see cref="AccountSettings"/> row; the defaults (Europe/Paris, EUR) when it is missing.</summary>
    public static async Task<AccountSettings> ReadAccountSettingsAsync(this CostDbContext context, CancellationToken cancellationToken) =>
        await context.AccountSettings.FirstOrDefaultAsync(s => s.Id == AccountSettings.SingletonId, cancellationToken) ?? new AccountSettings();
}
