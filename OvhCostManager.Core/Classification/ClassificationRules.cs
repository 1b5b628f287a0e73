using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OvhCostManager.Core.Classification;

/// <summary>The JSON shape of <c>Classification/rules.json</c>; see its <c>description</c> field for the matching rules.</summary>
internal sealed record ClassificationRulesFile(
    string? Description,
    UserTextFile? UserTextPatterns,
    IReadOnlyList<GpuRuleFile> GpuModels,
    IReadOnlyList<string> GpuWords,
    IReadOnlyList<CategoryRuleFile> Categories,
    IReadOnlyList<ResourceRuleFile> ResourceTypes);

internal sealed record UserTextFile(string? Description, IReadOnlyList<string>? Patterns);

internal sealed record GpuRuleFile(string Model, string? Description, IReadOnlyList<string>? Keywords, IReadOnlyList<string>? Patterns);

internal sealed record CategoryRuleFile(
    string Id,
    ServiceCategory Category,
    string? Description,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? Patterns);

internal sealed record ResourceRuleFile(
    string Id,
    ResourceType ResourceType,
    string? Description,
    string? ServiceName,
    IReadOnlyList<string>? DescriptionKeywords,
    IReadOnlyList<string>? DescriptionPatterns);

internal sealed record CategoryRule(string Id, ServiceCategory Category, Regex Description);

internal sealed record GpuRule(string Model, Regex Description);

/// <summary>A resource-type rule matches when every condition it has matches (service name shape and/or description words).</summary>
internal sealed record ResourceRule(string Id, ResourceType ResourceType, Regex? ServiceName, Regex? Description);

/// <summary>The rules compiled once: one <see cref="Regex"/> per rule, run against <see cref="ClassificationText.Normalize"/>d text.</summary>
internal sealed class ClassificationRules
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant;
    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    private ClassificationRules(
        Regex? userText,
        IReadOnlyList<GpuRule> gpuModels,
        Regex gpuWords,
        IReadOnlyList<CategoryRule> categories,
        IReadOnlyList<ResourceRule> resourceTypes)
    {
        UserText = userText;
        GpuModels = gpuModels;
        GpuWords = gpuWords;
        Categories = categories;
        ResourceTypes = resourceTypes;
    }

    /// <summary>Finds customer-chosen names (group <c>name</c>) to blank before matching; null when none are configured.</summary>
    public Regex? UserText { get; }

    public IReadOnlyList<GpuRule> GpuModels { get; }

    public Regex GpuWords { get; }

    public IReadOnlyList<CategoryRule> Categories { get; }

    public IReadOnlyList<ResourceRule> ResourceTypes { get; }

    public static ClassificationRules LoadEmbedded()
    {
        const string name = "OvhCostManager.Core.Classification.rules.json";
        using var stream = typeof(ClassificationRules).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded classification rules '{name}' are missing from OvhCostManager.Core.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd());
    }

    /// <summary>Parses and compiles rules; any mistake is reported with the id of the rule at fault.</summary>
    public static ClassificationRules Parse(string json)
    {
        ClassificationRulesFile? file;
        try
        {
            file = JsonSerializer.Deserialize<ClassificationRulesFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Classification rules are not valid JSON for the expected shape: {e.Message}", e);
        }

        if (file is null || file.Categories is null || file.ResourceTypes is null || file.GpuModels is null || file.GpuWords is null)
        {
            throw new InvalidOperationException("Classification rules must define 'gpuModels', 'gpuWords', 'categories' and 'resourceTypes'.");
        }

        Regex? userText = null;
        if (file.UserTextPatterns?.Patterns is { Count: > 0 } userPatterns)
        {
            userText = Compile("userTextPatterns", string.Join('|', userPatterns.Select(p => $"(?:{p})")));
            if (!userText.GetGroupNames().Contains("name"))
            {
                throw new InvalidOperationException("Classification userTextPatterns must capture the text to blank in a group named 'name'.");
            }
        }

        var gpu = file.GpuModels.Select(g => new GpuRule(
            Require(g.Model, "gpuModels[].model"),
            BuildWordRegex($"gpu model {g.Model}", g.Keywords, g.Patterns))).ToList();
        var gpuWords = BuildWordRegex("gpuWords", file.GpuWords, null);

        var categories = file.Categories.Select(c => new CategoryRule(
            Require(c.Id, "categories[].id"),
            c.Category,
            BuildWordRegex($"category rule '{c.Id}'", c.Keywords, c.Patterns))).ToList();

        var resources = new List<ResourceRule>(file.ResourceTypes.Count);
        foreach (var r in file.ResourceTypes)
        {
            var id = Require(r.Id, "resourceTypes[].id");
            var hasDescription = r.DescriptionKeywords is { Count: > 0 } || r.DescriptionPatterns is { Count: > 0 };
            if (string.IsNullOrWhiteSpace(r.ServiceName) && !hasDescription)
            {
                throw new InvalidOperationException($"Resource-type rule '{id}' needs a 'serviceName' pattern, description keywords, or both.");
            }

            resources.Add(new ResourceRule(
                id,
                r.ResourceType,
                string.IsNullOrWhiteSpace(r.ServiceName) ? null : Compile($"resource-type rule '{id}' serviceName", r.ServiceName),
                hasDescription ? BuildWordRegex($"resource-type rule '{id}'", r.DescriptionKeywords, r.DescriptionPatterns) : null));
        }

        var duplicate = categories.Select(c => c.Id).Concat(resources.Select(r => r.Id))
            .GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Classification rule id '{duplicate.Key}' is used more than once.");
        }

        return new ClassificationRules(userText, gpu, gpuWords, categories, resources);
    }

    /// <summary>
    /// One alternation per rule. Keywords are literal phrases: a space matches any run of spaces, hyphens or
    /// underscores, a final letter also accepts a plural "s", and each end that is a letter or digit must sit on a
    /// word boundary. Patterns are regular expressions given the same boundaries.
    /// </summary>
    internal static Regex BuildWordRegex(string owner, IReadOnlyList<string>? keywords, IReadOnlyList<string>? patterns)
    {
        var alternatives = new List<string>();
        foreach (var keyword in keywords ?? [])
        {
            var folded = ClassificationText.Normalize(keyword.Trim());
            if (folded.Length == 0)
            {
                throw new InvalidOperationException($"Classification {owner} has an empty keyword.");
            }

            var body = string.Join(@"[\s_-]+", folded.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Regex.Escape));
            if (char.IsAsciiLetter(folded[^1]))
            {
                body += "s?";
            }

            alternatives.Add(WithBoundaries(body, folded[0], folded[^1]));
        }

        foreach (var pattern in patterns ?? [])
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new InvalidOperationException($"Classification {owner} has an empty pattern.");
            }

            alternatives.Add($"(?<![a-z0-9])(?:{pattern})(?![a-z0-9])");
        }

        if (alternatives.Count == 0)
        {
            throw new InvalidOperationException($"Classification {owner} has no keyword and no pattern.");
        }

        return Compile(owner, string.Join('|', alternatives));
    }

    private static string WithBoundaries(string body, char first, char last)
    {
        var left = char.IsAsciiLetterOrDigit(first) ? "(?<![a-z0-9])" : string.Empty;
        var right = char.IsAsciiLetterOrDigit(last) ? "(?![a-z0-9])" : string.Empty;
        return left + body + right;
    }

    private static Regex Compile(string owner, string pattern)
    {
        try
        {
            return new Regex(pattern, Options, MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Classification {owner} has an invalid pattern: {e.Message}", e);
        }
    }

    private static string Require(string? value, string field) =>
        string.IsNullOrWhiteSpace(value)
            ? throw new InvalidOperationException($"Classification rules: '{field}' is required.")
            : value;
}
