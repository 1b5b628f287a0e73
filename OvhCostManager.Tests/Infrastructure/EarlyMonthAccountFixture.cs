using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// The simulated Medium account (seed 42) fully imported on the second day of a month, 2026-12-02T10:00+01:00, as
/// issue 14 saw it: the consumption bill of the 1st (November's consumption plus December's monthly plans) is out,
/// and December's consumption is two days old. Shared by the "Early-month account" collection; read-only.
/// </summary>
public sealed class EarlyMonthAccountFixture() : ImportedAccount(Now)
{
    public static readonly DateTimeOffset Now = new(2026, 12, 2, 10, 0, 0, TimeSpan.FromHours(1));
}

[CollectionDefinition(Name)]
public sealed class EarlyMonthAccountCollection : ICollectionFixture<EarlyMonthAccountFixture>
{
    public const string Name = "Early-month account";
}
