using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace OvhCostManager.Core.Classification;

/// <summary>
/// Labels OVH bill lines from their description and service name, with the rules kept as data in the embedded
/// <c>Classification/rules.json</c>. Thread-safe; build one and share it (it compiles its patterns once and memoises
/// results, since an import classifies the same few thousand lines hundreds of thousands of times).
/// </summary>
/// <remarks>
/// Rules (each one documented in <c>rules.json</c>):
/// <list type="bullet">
/// <item>Category: a line naming a GPU is AI/ML; otherwise the first category rule whose keywords occur in the
/// description wins. Matching ignores case and accents and respects word boundaries.</item>
/// <item>Resource type: the first resource rule whose service-name shape and/or description words match; else Other.
/// An inventory of known service names takes precedence (see <see cref="ResourceResolver"/>).</item>
/// <item>Cloud project: the service name when it is a 32-hex project id, else a 32-hex id written in the description.</item>
/// </list>
/// </remarks>
public sealed class LineClassifier
{
    private const int MemoCapacity = 100_000;

    private static readonly Regex ProjectIdShape = new("^[0-9a-f]{32}$", RegexOptions.Compiled | RegexOptions.CultureInvariant);
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");
    private static readonly Lazy<LineClassifier> Embedded = new(() => new LineClassifier(ClassificationRules.LoadEmbedded()));

    private readonly ClassificationRules _rules;
    private readonly ConcurrentDictionary<(string Description, string ServiceName), LineClassification> _memo = new();
    private int _memoCount;

    /// <summary>Builds a classifier over the rules embedded in OvhCostManager.Core.</summary>
    public LineClassifier()
        : this(Embedded.Value._rules)
    {
    }

    private LineClassifier(ClassificationRules rules) => _rules = rules;

    /// <summary>The classifier over the embedded rules, compiled once per process.</summary>
    public static LineClassifier Shared => Embedded.Value;

    /// <summary>Builds a classifier over rules given as JSON in the shape of <c>rules.json</c>.</summary>
    /// <exception cref="InvalidOperationException">The JSON, an enum name or a pattern is invalid; the message names the rule.</exception>
    public static LineClassifier FromJson(string json) => new(ClassificationRules.Parse(json));

    /// <summary>Classifies one bill line.</summary>
    /// <param name="description">The line's <c>description</c>; null or empty gives <see cref="ServiceCategory.Other"/>.</param>
    /// <param name="serviceName">The line's <c>domain</c> (OVH service name); may be null.</param>
    public LineClassification Classify(string? description, string? serviceName)
    {
        var key = (description ?? string.Empty, serviceName?.Trim() ?? string.Empty);
        if (_memo.TryGetValue(key, out var known))
        {
            return known;
        }

        var result = Compute(key.Item1, key.Item2);
        if (Interlocked.Increment(ref _memoCount) > MemoCapacity)
        {
            // Bounded memory on huge imports: start over rather than track recency.
            _memo.Clear();
            Interlocked.Exchange(ref _memoCount, 0);
        }

        _memo.TryAdd(key, result);
        return result;
    }

    /// <summary>The resource type from the service-name shape and description alone (no inventory).</summary>
    public ResourceType ClassifyResourceType(string? serviceName, string? description) =>
        Classify(description, serviceName).ResourceType;

    private LineClassification Compute(string description, string serviceName)
    {
        var fullText = ClassificationText.Normalize(description);
        var text = BlankUserNames(fullText);
        var name = ClassificationText.Normalize(serviceName);

        Span<Range> words = text.Length <= 256 ? stackalloc Range[129] : new Range[(text.Length / 2) + 1];
        words = words[..KeywordIndex.Words(text, words)];
        Span<bool> found = stackalloc bool[_rules.Keywords.OwnerCount];
        _rules.Keywords.Scan(text, words, found);

        var gpuModel = GpuModelOf(text, found);
        var isGpu = gpuModel is not null || _rules.GpuWords.IsMetBy(text, found);
        var category = isGpu ? ServiceCategory.AiMl : CategoryOf(text, found);
        var resourceType = ResourceTypeOf(name, text, found);
        var projectId = ProjectIdShape.IsMatch(name) ? name : ProjectIdIn(text, words) ?? (ReferenceEquals(text, fullText) ? null : ProjectIdIn(fullText));
        return new LineClassification(category, resourceType, projectId, isGpu, gpuModel);
    }

    private string BlankUserNames(string text)
    {
        if (_rules.UserText is null || text.Length == 0)
        {
            return text;
        }

        var match = _rules.UserText.Match(text);
        if (!match.Success)
        {
            return text;
        }

        var chars = text.ToCharArray();
        for (; match.Success; match = match.NextMatch())
        {
            var name = match.Groups["name"];
            if (name.Success)
            {
                chars.AsSpan(name.Index, name.Length).Fill(' ');
            }
        }

        return new string(chars);
    }

    private ServiceCategory CategoryOf(string text, ReadOnlySpan<bool> found)
    {
        foreach (var rule in _rules.Categories)
        {
            if (rule.Text.IsMetBy(text, found))
            {
                return rule.Category;
            }
        }

        return ServiceCategory.Other;
    }

    private string? GpuModelOf(string text, ReadOnlySpan<bool> found)
    {
        foreach (var rule in _rules.GpuModels)
        {
            if (rule.Text.IsMetBy(text, found))
            {
                return rule.Model;
            }
        }

        return null;
    }

    private ResourceType ResourceTypeOf(string name, string text, ReadOnlySpan<bool> found)
    {
        foreach (var rule in _rules.ResourceTypes)
        {
            // The keyword test is a lookup, so it goes first; service-name and description patterns are regexes.
            if (rule.Text is { Patterns: null } && !rule.Text.IsMetBy(text, found))
            {
                continue;
            }

            if (rule.ServiceName is not null && (name.Length == 0 || !rule.ServiceName.IsMatch(name)))
            {
                continue;
            }

            if (rule.Text is { Patterns: not null } && !rule.Text.IsMetBy(text, found))
            {
                continue;
            }

            return rule.ResourceType;
        }

        return ResourceType.Other;
    }

    private static string? ProjectIdIn(string text)
    {
        Span<Range> words = text.Length <= 256 ? stackalloc Range[129] : new Range[(text.Length / 2) + 1];
        return ProjectIdIn(text, words[..KeywordIndex.Words(text, words)]);
    }

    /// <summary>A word of exactly 32 hex digits is a Public Cloud project id.</summary>
    private static string? ProjectIdIn(string text, ReadOnlySpan<Range> words)
    {
        foreach (var word in words)
        {
            var span = text.AsSpan(word);
            if (span.Length == 32 && !span.ContainsAnyExcept(HexDigits))
            {
                return span.ToString();
            }
        }

        return null;
    }
}
