using OvhCostManager.Simulator;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>
/// A simulated Medium account (seed 42, clock frozen at 2026-11-18T10:00+01:00) fully imported — every scope — into a
/// real SQLite store, for tests that query what the dashboard shows. Shared by the "Imported account" collection;
/// treat it as read-only.
/// </summary>
public sealed class ImportedAccountFixture() : ImportedAccount(Now)
{
    public static readonly DateTimeOffset Now = new(2026, 11, 18, 10, 0, 0, TimeSpan.FromHours(1));

    /// <summary><see cref="Now"/> as the published app's <c>Demo:Now</c> setting reads it.</summary>
    public static string NowSetting => SimulatorClock.FormatInstant(Now);
}

[CollectionDefinition(Name)]
public sealed class ImportedAccountCollection : ICollectionFixture<ImportedAccountFixture>
{
    public const string Name = "Imported account";
}
