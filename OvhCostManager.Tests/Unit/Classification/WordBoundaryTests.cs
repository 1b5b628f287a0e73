using OvhCostManager.Core.Classification;

namespace OvhCostManager.Tests.Unit.Classification;

public sealed class WordBoundaryTests
{
    private static readonly LineClassifier Embedded = new();

    /// <summary>A rules file with one category rule per keyword, to test matching itself.</summary>
    private static LineClassifier OneRulePerKeyword(params (string Keyword, ServiceCategory Category)[] rules) =>
        LineClassifier.FromJson(System.Text.Json.JsonSerializer.Serialize(new
        {
            gpuWords = new[] { "gpu" },
            gpuModels = Array.Empty<object>(),
            categories = rules.Select((r, i) => new { id = $"r{i}", category = r.Category.ToString(), keywords = new[] { r.Keyword } }),
            resourceTypes = new[] { new { id = "domain-word", resourceType = "Domain", descriptionKeywords = new[] { "domain" } } },
        }));

    [Theory]
    [InlineData("Remise exceptionnelle - mai 2025")]
    [InlineData("Frais divers - Mars 2025")]
    [InlineData("Programme partenaire - remise")]
    [InlineData("Shipping and handling")]
    [InlineData("Lorem ipsum dolor sit amet")]
    [InlineData("Commande 2025 - mairie de Paris")]
    public void Everyday_words_containing_keywords_stay_other_with_the_embedded_rules(string description)
    {
        var line = Embedded.Classify(description, null);

        Assert.Equal((ServiceCategory.Other, ResourceType.Other, false), (line.Category, line.ResourceType, line.IsGpu));
    }

    [Theory]
    [InlineData("Support - mai 2025", false)]
    [InlineData("Training AI", true)]
    [InlineData("AI-Training", true)]
    [InlineData("(AI)", true)]
    [InlineData("mais", false)]
    [InlineData("maintenance", false)]
    public void Ai_matches_only_as_a_word(string description, bool matches)
    {
        var classifier = OneRulePerKeyword(("ai", ServiceCategory.AiMl));

        Assert.Equal(matches ? ServiceCategory.AiMl : ServiceCategory.Other, classifier.Classify(description, null).Category);
    }

    [Theory]
    [InlineData("Programme de fidélité", false)]
    [InlineData("Option RAM 64 Go", true)]
    [InlineData("RAM-64", true)]
    [InlineData("Framework licence", false)]
    public void Ram_matches_only_as_a_word(string description, bool matches)
    {
        var classifier = OneRulePerKeyword(("ram", ServiceCategory.Compute));

        Assert.Equal(matches ? ServiceCategory.Compute : ServiceCategory.Other, classifier.Classify(description, null).Category);
    }

    [Theory]
    [InlineData("Lorem ipsum", false)]
    [InlineData("Shipping costs", false)]
    [InlineData("Zip archive", false)]
    [InlineData("Additional IP", true)]
    [InlineData("IP-Failover", true)]
    [InlineData("2 IPs", true)]
    public void Ip_matches_only_as_a_word_and_its_plural(string description, bool matches)
    {
        var classifier = OneRulePerKeyword(("ip", ServiceCategory.Network));

        Assert.Equal(matches ? ServiceCategory.Network : ServiceCategory.Other, classifier.Classify(description, null).Category);
    }

    [Theory]
    [InlineData("Nom de domaine exemple.fr", ResourceType.Other)]
    [InlineData("Domaines - renouvellement groupé", ResourceType.Other)]
    [InlineData("Domain name renewal", ResourceType.Domain)]
    [InlineData("Domains renewal", ResourceType.Domain)]
    [InlineData("Subdomain delegation", ResourceType.Other)]
    public void Domain_does_not_match_inside_domaine_nor_domaine_inside_domain(string description, ResourceType expected)
    {
        var classifier = OneRulePerKeyword(("licence", ServiceCategory.Licences));

        Assert.Equal(expected, classifier.Classify(description, null).ResourceType);
    }

    [Theory]
    [InlineData("Load Balancer - Size S")]
    [InlineData("load-balancer size S")]
    [InlineData("LOAD_BALANCER")]
    [InlineData("Load Balancers x2")]
    public void Phrases_match_across_any_separator_and_in_the_plural(string description)
    {
        var classifier = OneRulePerKeyword(("load balancer", ServiceCategory.Network));

        Assert.Equal(ServiceCategory.Network, classifier.Classify(description, null).Category);
    }

    [Theory]
    [InlineData("Hébergement Perso", "hebergement")]
    [InlineData("HEBERGEMENT PERSO", "hébergement")]
    [InlineData("Réseau privé", "reseau prive")]
    [InlineData("MÉMOIRE vive", "mémoire")]
    public void Matching_ignores_case_and_accents_on_both_sides(string description, string keyword)
    {
        var classifier = OneRulePerKeyword((keyword, ServiceCategory.Support));

        Assert.Equal(ServiceCategory.Support, classifier.Classify(description, null).Category);
    }
}
