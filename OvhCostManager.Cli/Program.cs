using System.CommandLine;
using OvhCostManager.Cli.Commands;
using OvhCostManager.Cli.Dev;

var root = new RootCommand("OVH Cost Manager command line: import, bill download, reports.")
{
    ImportCommand.Create(),
    BillsDownloadCommand.Create(),
    ReportCommand.Create(),
    new Command("dev", "Developer tools.") { AddMigrationCommand.Create() },
};
return await root.Parse(args).InvokeAsync();
