using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace OvhCostManager.Core.Classification;

/// <summary>The JSON shape of <c>Classification/rules.json</c>; see its <c>description</c> field for the matching rules.</summary>
internal sealed record ClassificationRulesFile(
    string? Description,
    UserTextFile? UserTextPatterns,
    IReadOnlyList<string>? GpuWords,
    IReadOnlyList<GpuRuleFile>? GpuModels,
    IReadOnlyList<CategoryRuleFile>? Categories,
    IReadOnlyList<ResourceRuleFile>? ResourceTypes);

internal sealed record UserTextFile(string? Description, IReadOnlyList<string>? Patterns);

internal sealed record GpuRuleFile(string? Model, string? Description, IReadOnlyList<string>? Keywords, IReadOnlyList<string>? Patterns);

internal sealed record CategoryRuleFile(
    string? Id,
    ServiceCategory Category,
    string? Description,
    IReadOnlyList<string>? Keywords,
    IReadOnlyList<string>? Patterns);

internal sealed record ResourceRuleFile(
    string? Id,
    ResourceType ResourceType,
    string? Description,
    string? ServiceName,
    IReadOnlyList<string>? DescriptionKeywords,
    IReadOnlyList<string>? DescriptionPatterns);

/// <summary>Words or patterns to find in a description. <see cref="Owner"/> indexes the keyword scan's result.</summary>
internal sealed record TextCondition(int Owner, bool HasKeywords, Regex? Patterns)
{
    public bool IsMetBy(string text, ReadOnlySpan<bool> keywordsFound) =>
        (HasKeywords && keywordsFound[Owner]) || (Patterns is not null && Patterns.IsMatch(text));
}

internal sealed record CategoryRule(string Id, ServiceCategory Category, TextCondition Text);

internal sealed record GpuRule(string Model, TextCondition Text);

/// <summary>A resource-type rule matches when every condition it has matches (service name shape and/or description).</summary>
internal sealed record ResourceRule(string Id, ResourceType ResourceType, Regex? ServiceName, TextCondition? Text);

/// <summary>
/// The rules compiled once: keywords of every rule go into one <see cref="KeywordIndex"/> (one pass over the words of a
/// description answers all of them); patterns are compiled regular expressions, tried only when their rule's turn comes.
/// </summary>
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
        KeywordIndex keywords,
        Regex? userText,
        TextCondition gpuWords,
        IReadOnlyList<GpuRule> gpuModels,
        IReadOnlyList<CategoryRule> categories,
        IReadOnlyList<ResourceRule> resourceTypes)
    {
        Keywords = keywords;
        UserText = userText;
        GpuWords = gpuWords;
        GpuModels = gpuModels;
        Categories = categories;
        ResourceTypes = resourceTypes;
    }

    public KeywordIndex Keywords { get; }

    /// <summary>Finds customer-chosen names (group <c>name</c>) to blank before matching; null when none are configured.</summary>
    public Regex? UserText { get; }

    public TextCondition GpuWords { get; }

    public IReadOnlyList<GpuRule> GpuModels { get; }

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
            throw new InvalidOperationException($"Classification rules do not have the expected shape ({e.Path}): {e.Message}", e);
        }

        if (file?.Categories is null || file.ResourceTypes is null || file.GpuModels is null || file.GpuWords is null)
        {
            throw new InvalidOperationException("Classification rules must define 'gpuWords', 'gpuModels', 'categories' and 'resourceTypes'.");
        }

        var keywords = new KeywordIndex();
        var owner = 0;
        TextCondition Condition(string rule, IReadOnlyList<string>? words, IReadOnlyList<string>? patterns) =>
            BuildCondition(keywords, owner++, rule, words, patterns);

        var userText = BuildUserText(file.UserTextPatterns);
        var gpuWords = Condition("gpuWords", file.GpuWords, null);
        var gpu = file.GpuModels.Select(g =>
        {
            var model = Require(g.Model, "gpuModels[].model");
            return new GpuRule(model, Condition($"gpu model '{model}'", g.Keywords, g.Patterns));
        }).ToList();

        var categories = file.Categories.Select(c =>
        {
            var id = Require(c.Id, "categories[].id");
            return new CategoryRule(id, c.Category, Condition($"category rule '{id}'", c.Keywords, c.Patterns));
        }).ToList();

        var resources = new List<ResourceRule>(file.ResourceTypes.Count);
        foreach (var r in file.ResourceTypes)
        {
            var id = Require(r.Id, "resourceTypes[].id");
            var hasText = r.DescriptionKeywords is { Count: > 0 } || r.DescriptionPatterns is { Count: > 0 };
            if (string.IsNullOrWhiteSpace(r.ServiceName) && !hasText)
            {
                throw new InvalidOperationException($"Resource-type rule '{id}' needs a 'serviceName' pattern, description keywords or patterns, or both.");
            }

            resources.Add(new ResourceRule(
                id,
                r.ResourceType,
                string.IsNullOrWhiteSpace(r.ServiceName) ? null : Compile($"resource-type rule '{id}' serviceName", r.ServiceName),
                hasText ? Condition($"resource-type rule '{id}'", r.DescriptionKeywords, r.DescriptionPatterns) : null));
        }

        var duplicate = categories.Select(c => c.Id).Concat(resources.Select(r => r.Id))
            .GroupBy(id => id, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Classification rule id '{duplicate.Key}' is used more than once.");
        }

        return new ClassificationRules(keywords, userText, gpuWords, gpu, categories, resources);
    }

    private static TextCondition BuildCondition(
        KeywordIndex index, int owner, string rule, IReadOnlyList<string>? keywords, IReadOnlyList<string>? patterns)
    {
        foreach (var keyword in keywords ?? [])
        {
            if (!index.Add(ClassificationText.Normalize(keyword ?? string.Empty), owner))
            {
                throw new InvalidOperationException($"Classification {rule} has a keyword with no letter or digit: '{keyword}'.");
            }
        }

        var regexes = new List<string>();
        foreach (var pattern in patterns ?? [])
        {
            if (string.IsNullOrWhiteSpace(pattern))
            {
                throw new InvalidOperationException($"Classification {rule} has an empty pattern.");
            }

            Validate(rule, pattern); // alone first, so that a broken pattern cannot be completed by the boundaries around it

            // A pattern opening with its own lookbehind sets its own left boundary (it may sit after a digit, as "/28").
            var left = pattern.StartsWith("(?<=", StringComparison.Ordinal) ? string.Empty : "(?<![a-z0-9])";
            regexes.Add($"{left}(?:{pattern})(?![a-z0-9])");
        }

        if (keywords is not { Count: > 0 } && regexes.Count == 0)
        {
            throw new InvalidOperationException($"Classification {rule} has no keyword and no pattern.");
        }

        return new TextCondition(
            owner,
            keywords is { Count: > 0 },
            regexes.Count == 0 ? null : Compile(rule, string.Join('|', regexes)));
    }

    private static Regex? BuildUserText(UserTextFile? userText)
    {
        if (userText?.Patterns is not { Count: > 0 } patterns)
        {
            return null;
        }

        var regex = Compile("userTextPatterns", string.Join('|', patterns.Select(p => $"(?:{p})")));
        return regex.GetGroupNames().Contains("name")
            ? regex
            : throw new InvalidOperationException("Classification userTextPatterns must capture the text to blank in a group named 'name'.");
    }

    private static void Validate(string owner, string pattern)
    {
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException e)
        {
            throw new InvalidOperationException($"Classification {owner} has an invalid pattern '{pattern}': {e.Message}", e);
        }
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
