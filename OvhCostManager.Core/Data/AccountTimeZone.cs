using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Data;

internal static class AccountTimeZone
{
    public static async Task<TimeZoneInfo> ReadAsync(CostDbContext context, CancellationToken cancellationToken)
    {
        var id = await context.AccountSettings
            .Where(s => s.Id == Entities.AccountSettings.SingletonId)
            .Select(s => s.TimeZoneId)
            .FirstOrDefaultAsync(cancellationToken);
        return Find(id ?? Entities.AccountSettings.DefaultTimeZoneId);
    }

    public static TimeZoneInfo Find(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new ArgumentException($"The account time zone '{id}' is not a time zone known to this system (expected an IANA id such as Europe/Paris).", nameof(id), e);
        }
    }
}
