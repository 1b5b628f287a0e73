using System.Globalization;
using BenchmarkDotNet.Attributes;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;
using OvhCostManager.Core.Export;

namespace OvhCostManager.Benchmarks;

/// <summary>Hot paths of an import and an export, measured by BenchmarkDotNet (<c>--bdn</c>).</summary>
[MemoryDiagnoser]
public class HotPaths
{
    private readonly LineClassifier classifier = new();
    private string[] descriptions = [];
    private CsvTable table = null!;

    [GlobalSetup]
    public void Setup()
    {
        string[] templates =
        [
            "Location serveur dédié Advance-2 (ns{0}.ip-51-77-102.eu) pour la période du 01/05/2025 au 31/05/2025",
            "Public Cloud Project - instance b3-{0} - GRA11",
            "Consommation Object Storage - Standard - {0} Go",
            "AI Training - 1 x H100 - {0}h",
            "Support Business - mai 2025 ({0})",
        ];
        descriptions = Enumerable.Range(0, 5000).Select(i => string.Format(CultureInfo.InvariantCulture, templates[i % templates.Length], i)).ToArray();
        table = new CsvTable(["Facture", "Description", "Montant"],
            Enumerable.Range(0, 10_000).Select(i => (IReadOnlyList<CsvCell>)[(CsvCell)$"FR{i:D8}", (CsvCell)descriptions[i % descriptions.Length], (CsvCell)(i * 1.25m)]).ToArray());
    }

    [Benchmark(Description = "Classify 5,000 distinct lines (fresh classifier)")]
    public int ClassifyFresh()
    {
        var fresh = new LineClassifier();
        var gpu = 0;
        foreach (var description in descriptions)
        {
            gpu += fresh.Classify(description, null).IsGpu ? 1 : 0;
        }

        return gpu;
    }

    [Benchmark(Description = "Classify 5,000 lines (warm cache)")]
    public int ClassifyWarm()
    {
        var gpu = 0;
        foreach (var description in descriptions)
        {
            gpu += classifier.Classify(description, null).IsGpu ? 1 : 0;
        }

        return gpu;
    }

    [Benchmark(Description = "Sum 100,000 Money values")]
    public Money SumMoney()
    {
        var total = Money.Zero;
        for (var i = 0; i < 100_000; i++)
        {
            total += new Money(i * 1_234_567L);
        }

        return total;
    }

    [Benchmark(Description = "CSV export of 10,000 rows (fr)")]
    public async Task<long> ExportCsv()
    {
        using var stream = new MemoryStream();
        await CsvExporter.WriteAsync(stream, table, CultureInfo.GetCultureInfo("fr-FR"));
        return stream.Length;
    }
}
