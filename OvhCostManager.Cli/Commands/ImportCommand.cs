using System.CommandLine;
using System.Diagnostics;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Cli.Commands;

/// <summary><c>ocm import</c>: one sync run from OVH into the local store, with progress on the terminal.</summary>
internal static class ImportCommand
{
    public static Command Create()
    {
        var mode = new Option<string>("--mode")
        {
            Description = "full: every bill (since --from when given); period: bills of --from..--to; differential: new and changed bills.",
            DefaultValueFactory = _ => "differential",
        };
        mode.AcceptOnlyFromAmong("full", "period", "differential");
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD." };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD." };
        var noConsumption = new Option<bool>("--no-consumption") { Description = "Skip the pay-as-you-go consumption." };
        var noAccount = new Option<bool>("--no-account") { Description = "Skip debt, credits and balance." };
        var noInventory = new Option<bool>("--no-inventory") { Description = "Skip servers, VPS, NetApp, cloud projects and renewals." };
        var noCloud = new Option<bool>("--no-cloud") { Description = "Skip cloud instances, quotas and usage." };
        var data = CommonOptions.Data();
        var demo = CommonOptions.Demo();
        var command = new Command("import", "Import bills (and by default consumption, account, inventory, cloud details) from OVH.")
        {
            mode, from, to, noConsumption, noAccount, noInventory, noCloud, data, demo,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!CommonOptions.TryParseDay(parse.GetValue(from), "--from", out var first) || !CommonOptions.TryParseDay(parse.GetValue(to), "--to", out var last))
            {
                return CommonOptions.UsageError;
            }

            var kind = parse.GetValue(mode) switch
            {
                "full" => SyncRunKind.Full,
                "period" => SyncRunKind.Period,
                _ => SyncRunKind.Differential,
            };
            if (kind == SyncRunKind.Period && (first is null || last is null))
            {
                Console.Error.WriteLine("--mode period needs both --from and --to (YYYY-MM-DD).");
                return CommonOptions.UsageError;
            }

            if (first > last)
            {
                Console.Error.WriteLine($"--from ({first:yyyy-MM-dd}) is after --to ({last:yyyy-MM-dd}).");
                return CommonOptions.UsageError;
            }

            if (kind == SyncRunKind.Differential && (first is not null || last is not null))
            {
                Console.Error.WriteLine("--from and --to apply to --mode full or --mode period, not to a differential import.");
                return CommonOptions.UsageError;
            }

            var scope = SyncScope.Everything;
            if (parse.GetValue(noConsumption)) scope &= ~SyncScope.Consumption;
            if (parse.GetValue(noAccount)) scope &= ~SyncScope.Account;
            if (parse.GetValue(noInventory)) scope &= ~SyncScope.Inventory;
            if (parse.GetValue(noCloud)) scope &= ~SyncScope.CloudDetails;

            await using var host = await CliHost.StartAsync(parse.GetValue(data), parse.GetValue(demo), needsOvh: true, cancellationToken);
            if (host is null)
            {
                return 1;
            }

            var request = new SyncRequest(kind, scope, first, last, Trigger: "cli");
            var watch = Stopwatch.StartNew();
            SyncOutcome outcome;
            try
            {
                outcome = await host.Get<ISyncRunner>().RunAsync(request, new TerminalProgress(), cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                Console.Error.WriteLine("Import cancelled; every bill saved so far is complete, the next import continues from there.");
                return 130;
            }

            Console.WriteLine(
                $"Import {kind.ToString().ToLowerInvariant()} {outcome.Status.ToString().ToLowerInvariant()}: {outcome.BillsImported} bills, " +
                $"{outcome.LinesImported} lines, {outcome.RequestsMade} OVH requests ({outcome.Retries} retries) in {watch.Elapsed.TotalSeconds:F1} s");
            if (outcome.Error is not null)
            {
                Console.Error.WriteLine(outcome.Status == SyncRunStatus.Partial
                    ? "Some parts failed (what succeeded is stored): " + outcome.Error
                    : "Import failed (nothing stored was changed): " + outcome.Error);
            }

            return outcome.Status == SyncRunStatus.Success ? 0 : 1;
        });
        return command;
    }

    /// <summary>One line per step, then every tenth of the step's items.</summary>
    private sealed class TerminalProgress : IProgress<SyncProgress>
    {
        private readonly Lock gate = new();
        private string step = "";
        private int lastTenth = -1;

        public void Report(SyncProgress value)
        {
            lock (gate)
            {
                var tenth = value.Total == 0 ? 0 : value.Done * 10 / value.Total;
                if (value.Step == step && tenth == lastTenth)
                {
                    return;
                }

                step = value.Step;
                lastTenth = tenth;
                Console.WriteLine(value.Total == 0 ? $"  {value.Step}…" : $"  {value.Step}: {value.Done}/{value.Total}");
            }
        }
    }
}
