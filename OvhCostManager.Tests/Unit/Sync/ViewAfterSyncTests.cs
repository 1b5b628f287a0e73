using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Tests.Unit.Sync;

public sealed class ViewAfterSyncTests
{
    [Fact]
    public async Task Every_page_reacting_to_one_outcome_gets_the_same_view_from_one_read()
    {
        var reads = 0;
        var shared = new ViewAfterSync<string>(_ => Task.FromResult("view " + Interlocked.Increment(ref reads)));
        var first = Outcome();
        var second = Outcome();

        var views = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => Task.Run(() => shared.GetAsync(first))));
        var next = await shared.GetAsync(second);

        Assert.All(views, v => Assert.Equal("view 1", v));
        Assert.Equal("view 2", next);
        Assert.Equal(2, reads);
    }

    [Fact]
    public async Task A_failed_read_is_tried_again_by_the_next_page()
    {
        var reads = 0;
        var shared = new ViewAfterSync<string>(_ => ++reads == 1 ? Task.FromException<string>(new TimeoutException("database busy")) : Task.FromResult("view"));
        var outcome = Outcome();

        await Assert.ThrowsAsync<TimeoutException>(() => shared.GetAsync(outcome));
        Assert.Equal("view", await shared.GetAsync(outcome));
        Assert.Equal("view", await shared.GetAsync(outcome));
        Assert.Equal(2, reads);
    }

    // Two syncs can end with equal figures; they are still two outcomes.
    private static SyncOutcome Outcome() => new(1, SyncRunKind.Consumption, SyncRunStatus.Success, 0, 0, 2, 0, true, TimeSpan.FromSeconds(1), null);
}

public sealed class ViewsAfterSyncTests
{
    private static SyncOutcome Outcome(long run) =>
        new(run, SyncRunKind.Consumption, SyncRunStatus.Success, 0, 0, 3, 0, true, TimeSpan.FromSeconds(1), null);

    [Fact]
    public async Task Pages_on_the_same_key_share_one_read_per_outcome_and_other_keys_are_read_once_each()
    {
        var reads = new List<string>();
        var views = new ViewsAfterSync<string, string>((key, _) =>
        {
            lock (reads) reads.Add(key);
            return Task.FromResult($"view of {key}");
        });
        var first = Outcome(1);

        var shown = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => views.GetAsync(first, i % 2 == 0 ? "2026-11" : "2026-10")));
        Assert.Equal(["view of 2026-11", "view of 2026-10", "view of 2026-11", "view of 2026-10", "view of 2026-11"], shown);
        Assert.Equal(["2026-10", "2026-11"], reads.Order());

        await views.GetAsync(Outcome(2), "2026-11");
        Assert.Equal(3, reads.Count);
    }
}
