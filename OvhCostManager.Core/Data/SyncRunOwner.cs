using System.Diagnostics;
using System.Globalization;

namespace OvhCostManager.Core.Data;

/// <summary>
/// Names the process running a sync as <c>machine:pid:start</c>, so that the web app and the CLI, sharing one
/// database, tell a run still in progress elsewhere from one whose process is gone.
/// </summary>
public static class SyncRunOwner
{
    public static string Current { get; } = Of(Environment.ProcessId)!;

    /// <summary>The owner name of a process of this machine, or null when it does not exist.</summary>
    public static string? Of(int pid) =>
        StartOf(pid) is { } start ? string.Create(CultureInfo.InvariantCulture, $"{Environment.MachineName}:{pid}:{start}") : null;

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

        return StartOf(pid) is not { } start || start != startText;
    }

    /// <summary>
    /// When the process started, as a token compared for equality only, or null when no such process exists. On
    /// Linux the kernel's start tick (<c>/proc/{pid}/stat</c>, field 22): exact, and free of the wall clock, which a
    /// process may see moved (libfaketime in the date-shifted tests).
    /// </summary>
    private static string? StartOf(int pid)
    {
        try
        {
            if (OperatingSystem.IsLinux())
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                // The command name (field 2) is in parentheses and may hold spaces: count fields after its end.
                return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
            }

            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
