using System.Text.Json;
using OvhCostManager.Core.Classification;

namespace OvhCostManager.Tests.Unit.Classification;

public sealed class ClassificationRulesTests
{
    private const string Valid = """
        {
          "gpuWords": ["gpu"],
          "gpuModels": [ { "model": "H100", "patterns": ["h100"] } ],
          "categories": [ { "id": "net", "category": "Network", "keywords": ["traffic"] } ],
          "resourceTypes": [ { "id": "lb", "resourceType": "LoadBalancer", "serviceName": "^lb-" } ]
        }
        """;

    [Fact]
    public void Rules_given_as_json_drive_the_classifier()
    {
        var classifier = LineClassifier.FromJson(Valid);
        var line = classifier.Classify("Outgoing traffic", "lb-1234");

        Assert.Equal((ServiceCategory.Network, ResourceType.LoadBalancer), (line.Category, line.ResourceType));
    }

    [Theory]
    [InlineData("\"category\": \"Network\"", "\"category\": \"Networking\"", "categories")]
    [InlineData("\"serviceName\": \"^lb-\"", "\"serviceName\": \"^lb-(\"", "'lb'")]
    [InlineData("\"keywords\": [\"traffic\"]", "\"keywords\": [\"--\"]", "'net'")]
    [InlineData("\"keywords\": [\"traffic\"]", "\"keywords\": []", "'net'")]
    [InlineData("\"serviceName\": \"^lb-\"", "\"other\": 1", "'lb'")]
    [InlineData("\"id\": \"lb\"", "\"id\": \"net\"", "'net'")]
    [InlineData("\"patterns\": [\"h100\"]", "\"patterns\": [\"h100[\"]", "H100")]
    public void A_mistake_in_the_rules_is_refused_with_a_message_naming_where(string valid, string broken, string named)
    {
        var error = Assert.Throws<InvalidOperationException>(() => LineClassifier.FromJson(Valid.Replace(valid, broken)));

        Assert.Contains(named, error.Message);
    }

    [Fact]
    public void The_embedded_rules_load_and_every_category_and_resource_type_they_name_exists()
    {
        var json = ReadEmbeddedRules();
        using var rules = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var categories = NamesOf(rules, "categories", "category");
        var resourceTypes = NamesOf(rules, "resourceTypes", "resourceType");

        Assert.Contains("Network", categories);
        Assert.Contains("DedicatedServer", resourceTypes);
        Assert.All(categories, name => Assert.True(Enum.IsDefined(typeof(ServiceCategory), name), $"rules.json names the category '{name}', which does not exist"));
        Assert.All(resourceTypes, name => Assert.True(Enum.IsDefined(typeof(ResourceType), name), $"rules.json names the resource type '{name}', which does not exist"));
        var classifier = LineClassifier.FromJson(json);
        Assert.Equal(ServiceCategory.Other, classifier.Classify(null, null).Category);
    }

    [Fact]
    public void Every_fixed_trap_is_documented_in_the_rules_file()
    {
        var json = ReadEmbeddedRules();

        Assert.True(json.Split("Trap fixed").Length - 1 >= 12, "rules.json documents each trap it fixes with 'Trap fixed:'");
    }

    [Fact]
    public void The_same_line_gives_the_same_answer_from_the_memo()
    {
        var classifier = new LineClassifier();

        var first = classifier.Classify("Instance h100-380 - GRA11", "6f2b8d31c4e94a0b9d57e8a1f3c20b44");
        var second = classifier.Classify("Instance h100-380 - GRA11", " 6f2b8d31c4e94a0b9d57e8a1f3c20b44 ");

        Assert.Equal(first, second);
    }

    private static List<string> NamesOf(JsonDocument rules, string section, string property) =>
        rules.RootElement.GetProperty(section).EnumerateArray().Select(rule => rule.GetProperty(property).GetString()!).ToList();

    private static string ReadEmbeddedRules()
    {
        using var stream = typeof(LineClassifier).Assembly.GetManifestResourceStream("OvhCostManager.Core.Classification.rules.json");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
