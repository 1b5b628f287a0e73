using System.CommandLine;
using System.Globalization;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Reports;

namespace OvhCostManager.Cli.Commands;

/// <summary><c>ocm report --month YYYY-MM</c>: the month's Markdown report from the local store.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var month = new Option<string>("--month") { Description = "Billing month, YYYY-MM.", Required = true };
        var output = new Option<FileInfo?>("--out") { Description = "Write the report to this file instead of the terminal." };
        var language = new Option<string>("--lang") { Description = "Language of the report.", DefaultValueFactory = _ => "en" };
        language.AcceptOnlyFromAmong("en", "fr");
        var data = CommonOptions.Data();
        var command = new Command("report", "Write a month's cost report (Markdown) from the local store.") { month, output, language, data };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!BillingMonth.TryParse(parse.GetValue(month), out var billingMonth, out var error))
            {
                Console.Error.WriteLine("--month: " + error);
                return CommonOptions.UsageError;
            }

            await using var host = await CliHost.StartAsync(parse.GetValue(data), demo: false, needsOvh: false, cancellationToken);
            if (host is null)
            {
                return 1;
            }

            var report = await host.Get<MonthReport>().BuildAsync(billingMonth, CultureInfo.GetCultureInfo(parse.GetValue(language)!), cancellationToken: cancellationToken);
            var markdown = report.Markdown;
            if (parse.GetValue(output) is { } file)
            {
                file.Directory?.Create();
                await File.WriteAllTextAsync(file.FullName, markdown, cancellationToken);
                Console.WriteLine($"Report for {billingMonth} written to {file.FullName}");
            }
            else
            {
                Console.Write(markdown);
            }

            if (report.Bills == 0)
            {
                Console.Error.WriteLine($"No bill is stored for {billingMonth}; run 'ocm import' first if that is unexpected.");
            }

            return 0;
        });
        return command;
    }
}
