using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using OvhCostManager.Core.Data;

namespace OvhCostManager.Cli.Dev;

/// <summary>
/// Scaffolds an EF Core migration into OvhCostManager.Core/Data/Migrations. The dotnet-ef tool is not in the
/// package registry this project builds from, so the CLI drives EF Core's own design-time services instead.
/// </summary>
internal static class AddMigrationCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("name") { Description = "Migration name, e.g. AddBills" };
        var project = new Option<DirectoryInfo>("--core-project") { Description = "Path of the OvhCostManager.Core folder", DefaultValueFactory = _ => new DirectoryInfo("OvhCostManager.Core") };
        var command = new Command("add-migration", "Scaffold a migration for the current model (developers only).") { name, project };
        command.SetAction(parse => Run(parse.GetValue(name)!, parse.GetValue(project)!));
        return command;
    }

#pragma warning disable EF1001 // Design-time services are EF Core internals; this is exactly what dotnet-ef calls.
    private static int Run(string name, DirectoryInfo coreProject)
    {
        if (!File.Exists(Path.Combine(coreProject.FullName, "OvhCostManager.Core.csproj")))
        {
            Console.Error.WriteLine($"--core-project: '{coreProject.FullName}' does not contain OvhCostManager.Core.csproj.");
            return 2;
        }

        var assembly = typeof(CostDbContext).Assembly;
        var reporter = new OperationReporter(new OperationReportHandler(
            errorHandler: Console.Error.WriteLine, warningHandler: Console.WriteLine, informationHandler: Console.WriteLine, verboseHandler: _ => { }));
        using var context = new CostDbContext(new DbContextOptionsBuilder<CostDbContext>().UseSqlite("Data Source=:memory:").Options);
        var services = new DesignTimeServicesBuilder(assembly, assembly, reporter, []).Build(context);
        var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
        var migration = scaffolder.ScaffoldMigration(name, "OvhCostManager.Core", "Data.Migrations", "C#");
        var files = scaffolder.Save(coreProject.FullName, migration, Path.Combine(coreProject.FullName, "Data", "Migrations"));
        Console.WriteLine($"Wrote {files.MigrationFile}");
        return 0;
    }
#pragma warning restore EF1001
}
