using Microsoft.Extensions.Logging.Abstractions;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Tests.Unit.Sync;

public sealed class SyncRunRecorderTests
{
    private static SyncRunRecorder Recorder() => new(SyncRequest.Now(), new Progress<SyncProgress>(), NullLogger.Instance);

    private static readonly Exception Failure = new OvhApiException("GET /me/bill failed: 500", "/me/bill");

    [Fact]
    public void A_run_whose_steps_all_succeeded_is_a_success()
    {
        var run = Recorder();
        run.StepDone("bills");
        run.StepDone("inventory");

        Assert.Equal(SyncRunStatus.Success, run.Status);
        Assert.Empty(run.Errors);
    }

    [Fact]
    public void A_failed_item_makes_the_run_partial_and_names_what_failed()
    {
        var run = Recorder();
        run.ItemFailed("bills", "lines of bill FR123", Failure);
        run.StepDone("bills");
        run.StepDone("inventory");

        Assert.Equal(SyncRunStatus.Partial, run.Status);
        Assert.Contains(run.Errors, e => e.Contains("FR123", StringComparison.Ordinal));
    }

    [Fact]
    public void One_failed_step_among_successful_ones_is_partial_and_all_failed_steps_are_a_failure()
    {
        var partial = Recorder();
        partial.StepFailed("bills", Failure);
        partial.StepDone("inventory");
        var failed = Recorder();
        failed.StepFailed("bills", Failure);
        failed.StepFailed("inventory", Failure);
        failed.StepDone("bills");

        Assert.Equal(SyncRunStatus.Partial, partial.Status);
        Assert.Equal(SyncRunStatus.Failed, failed.Status);
    }

    [Fact]
    public void Counters_add_up_saved_bills_and_repairs()
    {
        var run = Recorder();
        run.BillSaved(10, repaired: false);
        run.BillSaved(5, repaired: true);
        run.InventoryStored(7);

        Assert.Equal((2, 1, 15, 7), (run.BillsImported, run.BillsRepaired, run.LinesImported, run.InventoryItemsImported));
    }

    [Theory]
    [InlineData(true, true, true, RenewalMode.Forced)]
    [InlineData(false, true, true, RenewalMode.Automatic)]
    [InlineData(false, false, true, RenewalMode.Manual)]
    [InlineData(false, false, false, RenewalMode.Unknown)]
    public void Renewal_mode_follows_forced_then_automatic_then_manual_payment(bool forced, bool automatic, bool manualPayment, RenewalMode expected)
    {
        Assert.Equal(expected, InventoryImport.RenewalModeOf(new ServiceRenew { Forced = forced, Automatic = automatic, ManualPayment = manualPayment }));
    }

    [Fact]
    public void No_renew_object_means_the_renewal_mode_is_unknown() => Assert.Equal(RenewalMode.Unknown, InventoryImport.RenewalModeOf(null));
}
