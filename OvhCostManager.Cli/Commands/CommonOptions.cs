using System.CommandLine;
using System.Globalization;

namespace OvhCostManager.Cli.Commands;

/// <summary>Options several commands share, and the parsing of dates given on the command line.</summary>
internal static class CommonOptions
{
    public const int UsageError = 2;

    public static Option<string?> Data() => new("--data") { Description = "Folder of the SQLite database (overrides Data__Directory)." };

    public static Option<bool> Demo() => new("--demo") { Description = "With no OVH credentials configured, use the built-in simulated account." };

    /// <summary>Reads <c>YYYY-MM-DD</c>; on anything else writes a message naming the option and returns false.</summary>
    public static bool TryParseDay(string? text, string option, out DateOnly? day)
    {
        day = null;
        if (text is null)
        {
            return true;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            day = parsed;
            return true;
        }

        Console.Error.WriteLine($"{option}: '{text}' is not a date: expected YYYY-MM-DD, e.g. 2026-10-01.");
        return false;
    }
}
