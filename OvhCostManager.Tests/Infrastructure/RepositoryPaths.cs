namespace OvhCostManager.Tests.Infrastructure;

public static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>Screenshots and downloaded files land here so CI keeps them with the run.</summary>
    public static string TestOutput { get; } = Directory.CreateDirectory(Path.Combine(Root, "TestResults", "output")).FullName;

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OvhCostManager.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("OvhCostManager.sln not found above the test binaries.");
    }
}
