using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

/// <summary>A renewal the simulated account will bill: a service renewing on <see cref="Date"/> at its price.</summary>
public sealed record SimRenewal(string ServiceName, DateOnly Date, Money Amount, bool Manual, bool Terminating = false)
{
    /// <summary>Billed without anyone acting: neither a manual renewal nor a service set to end at its expiry.</summary>
    public bool Certain => !Manual && !Terminating;
}

/// <summary>
/// The renewals the simulated services will bill: every service that is not expired and not billed on consumption
/// renews on its expiry date and every <see cref="SimOtherService.PeriodMonths"/> months after it, at the price
/// <c>/services</c> serves (the amount of its renewal lines). Manual renewals are listed as such: they are billed only
/// when someone pays them; a service set to end at its expiry is listed once, as terminating.
/// </summary>
public static class RenewalTruth
{
    public static IReadOnlyList<SimRenewal> Between(SimulatedAccount account, DateOnly from, DateOnly to)
    {
        lock (account.SyncRoot)
        {
            var renewals = new List<SimRenewal>();
            foreach (var service in Http.InventoryRoutes.Services(account))
            {
                if (service.ProductName == "publicCloudProject" || service.Terms.Status == "expired")
                {
                    continue;
                }

                for (var k = 0; ; k++)
                {
                    var date = service.Terms.Expiration.AddMonths(k * service.PeriodMonths);
                    if (date > to) break;
                    if (date >= from) renewals.Add(new SimRenewal(service.Name, date, service.Price, service.Terms.Renew == RenewKind.Manual, service.Terms.DeleteAtExpiration));
                    if (service.Terms.DeleteAtExpiration) break;
                }
            }

            return renewals;
        }
    }
}
