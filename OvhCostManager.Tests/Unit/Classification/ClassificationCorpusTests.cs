using OvhCostManager.Core.Classification;

namespace OvhCostManager.Tests.Unit.Classification;

public sealed class ClassificationCorpusTests
{
    private static readonly Lazy<IReadOnlyList<CorpusLine>> Lines = new(CorpusLine.Load);

    public static TheoryData<string, string, string, string, string, string> Corpus()
    {
        var data = new TheoryData<string, string, string, string, string, string>();
        foreach (var line in Lines.Value)
        {
            data.Add(line.Description, line.ServiceName, line.Category, line.ResourceType, line.GpuModel, line.CloudProjectId);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Corpus_line_is_classified_as_expected(
        string description, string serviceName, string category, string resourceType, string gpuModel, string cloudProjectId)
    {
        var result = new LineClassifier().Classify(description, CorpusLine.Value(serviceName));

        Assert.Equal(
            (Enum.Parse<ServiceCategory>(category), Enum.Parse<ResourceType>(resourceType), CorpusLine.Value(gpuModel), CorpusLine.Value(gpuModel) is not null, CorpusLine.Value(cloudProjectId)),
            (result.Category, result.ResourceType, result.GpuModel, result.IsGpu && result.GpuModel is not null, result.CloudProjectId));
    }

    [Fact]
    public void Corpus_has_at_least_150_lines_in_french_and_english_covering_every_category_and_resource_type()
    {
        var lines = Lines.Value;

        Assert.True(lines.Count >= 150, $"corpus has {lines.Count} lines");
        Assert.Empty(Enum.GetNames<ServiceCategory>().Except(lines.Select(l => l.Category)));
        Assert.Empty(Enum.GetNames<ResourceType>().Except(lines.Select(l => l.ResourceType)));
        Assert.Contains(lines, l => l.Description.Contains("Consommation", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Description.Contains("consumption", StringComparison.Ordinal));
    }

    private sealed record CorpusLine(string Description, string ServiceName, string Category, string ResourceType, string GpuModel, string CloudProjectId)
    {
        public static string? Value(string field) => field == "-" ? null : field;

        public static IReadOnlyList<CorpusLine> Load()
        {
            var path = Path.Combine(AppContext.BaseDirectory, "Unit", "Classification", "corpus.tsv");
            return File.ReadLines(path)
                .Skip(1)
                .Where(l => l.Length > 0 && !l.StartsWith('#'))
                .Select((l, i) =>
                {
                    var f = l.Split('\t');
                    return f.Length == 6
                        ? new CorpusLine(f[0], f[1], f[2], f[3], f[4], f[5])
                        : throw new InvalidDataException($"corpus.tsv data line {i + 1} has {f.Length} fields instead of 6: {l}");
                })
                .ToList();
        }
    }
}
