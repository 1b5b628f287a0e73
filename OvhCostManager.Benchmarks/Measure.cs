using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace OvhCostManager.Benchmarks;

public static class Measure
{
    /// <summary>Peak resident memory of this process so far (VmHWM), in MB.</summary>
    public static double PeakRssMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return double.NaN;
    }

    /// <summary>Clears the peak so the next scenario measures its own (Linux: writing 5 to clear_refs resets VmHWM).</summary>
    public static void ResetPeakRss()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (IOException)
        {
            // not allowed here: the figure then includes earlier scenarios, and the table says "since start"
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    public static (double P50, double P95, double Mean) Percentiles(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return (At(0.50), At(0.95), sorted.Average());
    }

    public static async Task<(T Result, TimeSpan Elapsed)> TimeAsync<T>(Func<Task<T>> action)
    {
        var stopwatch = Stopwatch.StartNew();
        var result = await action();
        return (result, stopwatch.Elapsed);
    }
}

/// <summary>One Markdown table per scenario, printed as it completes.</summary>
public sealed class MarkdownTable(string title, params string[] headers)
{
    private readonly List<string[]> rows = [];

    public void Add(params object[] cells) => rows.Add(cells.Select(c => Convert.ToString(c, CultureInfo.InvariantCulture) ?? "").ToArray());

    public override string ToString()
    {
        var text = new StringBuilder();
        text.AppendLine().AppendLine("### " + title).AppendLine();
        text.AppendLine("| " + string.Join(" | ", headers) + " |");
        text.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
        foreach (var row in rows)
        {
            text.AppendLine("| " + string.Join(" | ", row) + " |");
        }

        return text.ToString();
    }
}

/// <summary>The tables of one run: printed as they complete and kept for the Markdown file.</summary>
public sealed class Report
{
    private readonly StringBuilder text = new();

    public void Add(MarkdownTable table) => Add(table.ToString());

    public void Add(string markdown)
    {
        text.Append(markdown);
        Console.Write(markdown);
    }

    public void Note(string line) => Add(Environment.NewLine + line + Environment.NewLine);

    public override string ToString() => text.ToString();
}
