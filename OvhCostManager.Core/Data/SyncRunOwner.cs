using System.Diagnostics;
using System.Globalization;

namespace OvhCostManager.Core.Data;

/// <summary>
/// Names the process running a sync as <c>machine:pid:start</c>, so that the web app and the CLI, sharing one
/// database, tell a run still in progress elsewhere from one whose process is gone.
/// </summary>
public static class SyncRunOwner
{
    public static string Current { get; } = Describe(Environment.MachineName, Process.GetCurrentProcess());

    /// <summary>
    /// True when the owner ran on this machine and that process no longer exists (a pid reused by another program
    /// has another start time). False for a live process or another machine: there only the heartbeat tells.
    /// </summary>
    public static bool IsGone(string? owner)
    {
        var parts = owner?.Split(':');
        if (parts is not [var machine, var pidText, var startText] || machine != Environment.MachineName
            || !int.TryParse(pidText, CultureInfo.InvariantCulture, out var pid))
        {
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            return StartOf(process) != startText;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Describe(string machine, Process process) =>
        string.Create(CultureInfo.InvariantCulture, $"{machine}:{process.Id}:{StartOf(process)}");

    private static string StartOf(Process process) =>
        process.StartTime.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
}
