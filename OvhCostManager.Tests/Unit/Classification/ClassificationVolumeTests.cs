using System.Diagnostics;
using OvhCostManager.Core.Classification;
using Xunit.Abstractions;

namespace OvhCostManager.Tests.Unit.Classification;

public sealed class ClassificationVolumeTests(ITestOutputHelper output)
{
    private static readonly (string Description, string ServiceName)[] Shapes =
    [
        ("Location serveur dédié Advance-2 (ns3187654.ip-51-77-102.eu) pour la période du 01/05/2025 au {0:00}/05/2025", "ns3187654.ip-51-77-102.eu"),
        ("Public Cloud Project - instance b3-8 - GRA11 - {0} h", "6f2b8d31c4e94a0b9d57e8a1f3c20b44"),
        ("Consommation Object Storage - Standard - {0} Go", "6f2b8d31c4e94a0b9d57e8a1f3c20b44"),
        ("Outgoing public traffic - {0} GB", "a91c0e7d25f34b6c8e1d9f0a7b3c5e22"),
        ("AI Training - 1 x H100 - {0}h", "a91c0e7d25f34b6c8e1d9f0a7b3c5e22"),
        ("Renouvellement domaine exemple{0}.fr pour 1 an", "exemple{0}.fr"),
        ("Remise commerciale numéro {0} - mai 2025", ""),
        ("Veeam Managed Backup - VM {0}", "vm-{0}"),
    ];

    [Fact]
    public void Classifying_300000_lines_with_20000_distinct_ones_gives_each_shape_its_category()
    {
        var lines = Enumerable.Range(0, 300_000)
            .Select(i => Shapes[i % Shapes.Length] is var (d, s) ? (string.Format(d, i % 2500), string.Format(s, i % 2500)) : default)
            .ToArray();
        var classifier = new LineClassifier();
        classifier.Classify("warm-up", null);

        var uncached = Stopwatch.StartNew();
        for (var i = 0; i < 20_000; i++)
        {
            classifier.Classify(lines[i].Item1, lines[i].Item2);
        }

        uncached.Stop();
        var all = Stopwatch.StartNew();
        var compute = 0;
        foreach (var (description, serviceName) in lines)
        {
            compute += classifier.Classify(description, serviceName).Category == ServiceCategory.Compute ? 1 : 0;
        }

        all.Stop();
        output.WriteLine($"first 20,000 distinct lines: {uncached.Elapsed.TotalMilliseconds:F0} ms ({uncached.Elapsed.TotalMicroseconds / 20_000:F1} µs/line); 300,000 lines: {all.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(300_000 / Shapes.Length * 2, compute);
    }
}
