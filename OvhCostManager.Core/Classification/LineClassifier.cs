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
    private static readonly Regex ProjectIdInText = new("(?<![0-9a-z])[0-9a-f]{32}(?![0-9a-z])", RegexOptions.Compiled | RegexOptions.CultureInvariant);
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
        ResourceTypeOf(Fold(serviceName?.Trim()), BlankUserNames(Fold(description)));

    private LineClassification Compute(string description, string serviceName)
    {
        var fullText = ClassificationText.Normalize(description);
        var text = BlankUserNames(fullText);
        var name = ClassificationText.Normalize(serviceName);

        var gpuModel = GpuModelOf(text);
        var isGpu = gpuModel is not null || (text.Length > 0 && _rules.GpuWords.IsMatch(text));
        var category = isGpu ? ServiceCategory.AiMl : CategoryOf(text);
        var resourceType = ResourceTypeOf(name, text);
        return new LineClassification(category, resourceType, CloudProjectIdOf(name, fullText), isGpu, gpuModel);
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

    private ServiceCategory CategoryOf(string text)
    {
        if (text.Length == 0)
        {
            return ServiceCategory.Other;
        }

        foreach (var rule in _rules.Categories)
        {
            if (rule.Description.IsMatch(text))
            {
                return rule.Category;
            }
        }

        return ServiceCategory.Other;
    }

    private string? GpuModelOf(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        foreach (var rule in _rules.GpuModels)
        {
            if (rule.Description.IsMatch(text))
            {
                return rule.Model;
            }
        }

        return null;
    }

    private ResourceType ResourceTypeOf(string name, string text)
    {
        foreach (var rule in _rules.ResourceTypes)
        {
            if (rule.ServiceName is not null && (name.Length == 0 || !rule.ServiceName.IsMatch(name)))
            {
                continue;
            }

            if (rule.Description is not null && (text.Length == 0 || !rule.Description.IsMatch(text)))
            {
                continue;
            }

            return rule.ResourceType;
        }

        return ResourceType.Other;
    }

    private static string? CloudProjectIdOf(string name, string text)
    {
        if (ProjectIdShape.IsMatch(name))
        {
            return name;
        }

        var inText = text.Length == 0 ? null : ProjectIdInText.Match(text);
        return inText is { Success: true } ? inText.Value : null;
    }

    private static string Fold(string? value) => string.IsNullOrEmpty(value) ? string.Empty : ClassificationText.Normalize(value);
}
