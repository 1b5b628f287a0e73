using OvhCostManager.Core.Classification;

namespace OvhCostManager.Tests.Unit.Classification;

public sealed class GpuDetectionTests
{
    private const string ProjectId = "a91c0e7d25f34b6c8e1d9f0a7b3c5e22";
    private static readonly LineClassifier Classifier = new();

    [Theory]
    [InlineData("Instance l4-90 - GRA11 - 744 h", "L4")]
    [InlineData("Consommation à l'heure - instances L4-180 - GRA11", "L4")]
    [InlineData("AI Deploy - 2 x L4 - 10 h", "L4")]
    [InlineData("Instance l40s-90 - BHS5", "L40S")]
    [InlineData("AI Training - 1 x L40S - 8h", "L40S")]
    [InlineData("Instance h100-380 - GRA11", "H100")]
    [InlineData("AI Training - 4xH100 - 12h", "H100")]
    [InlineData("Forfait mensuel - instance a100-180", "A100")]
    [InlineData("Instance a10-45 - GRA11", "A10")]
    [InlineData("AI Notebooks - 1 x A10 - 3 h", "A10")]
    [InlineData("Instance t1-45 - GRA7", "V100")]
    [InlineData("Instance t1-le-180 - GRA7", "V100")]
    [InlineData("Instance v100-90", "V100")]
    [InlineData("Instance t2-90 - BHS5", "V100S")]
    [InlineData("AI Notebooks - 1 x V100S - 30 h", "V100S")]
    [InlineData("Instance rtx5000-28 - BHS5", "RTX5000")]
    [InlineData("Quadro RTX 5000 - instance", "RTX5000")]
    public void Gpu_model_is_read_from_the_flavour_or_the_words(string description, string model)
    {
        var line = Classifier.Classify(description, ProjectId);

        Assert.Equal((true, model, ServiceCategory.AiMl), (line.IsGpu, line.GpuModel, line.Category));
    }

    [Theory]
    [InlineData("Public Cloud GPU instance - hourly")]
    [InlineData("Instances GPU - 3 x 744 h")]
    [InlineData("NVIDIA accelerated instance")]
    public void Gpu_words_without_a_model_still_mark_the_line_as_gpu(string description)
    {
        var line = Classifier.Classify(description, ProjectId);

        Assert.Equal((true, (string?)null, ServiceCategory.AiMl), (line.IsGpu, line.GpuModel, line.Category));
    }

    [Theory]
    [InlineData("Instance b3-8 - GRA11")]
    [InlineData("Instance c3-16 - 3 x 744 h")]
    [InlineData("Load Balancer L4 listener - Size S")]
    [InlineData("Facturation T1 2025 - Support Business")]
    [InlineData("Option A10 - câblage")]
    [InlineData("Serveur dédié Advance-2 - 4 x 100 Go")]
    [InlineData("Location serveur HG-2022 - ns3187654.ip-51-77-102.eu")]
    public void Ordinary_flavours_and_codes_are_not_gpus(string description)
    {
        var line = Classifier.Classify(description, ProjectId);

        Assert.Equal((false, (string?)null), (line.IsGpu, line.GpuModel));
        Assert.NotEqual(ServiceCategory.AiMl, line.Category);
    }

    [Fact]
    public void Ai_lines_without_a_gpu_are_ai_ml_but_not_gpu()
    {
        var line = Classifier.Classify("AI Notebooks - CPU - 4 vCores - 60 h", ProjectId);

        Assert.Equal((ServiceCategory.AiMl, false), (line.Category, line.IsGpu));
    }

    [Theory]
    [InlineData("Location serveur dédié Scale-GPU-2 pour 1 mois", "ns3300123.ip-51-91-90.eu", "L4")]
    [InlineData("Location serveur dédié HGR-AI-1 - 4x NVIDIA L40S - décembre 2026", "ns3300123.ip-51-91-90.eu", "L40S")]
    [InlineData("Dedicated server HGR-AI-2 - 4 x NVIDIA H100 - monthly rental", null, "H100")]
    [InlineData("Dedicated server HGR-AI-1 - monthly rental", "ns3300124.ip-51-91-90.eu", null)]
    public void A_dedicated_gpu_server_rents_a_gpu_but_belongs_to_no_cloud_project(string description, string? serviceName, string? model)
    {
        var line = Classifier.Classify(description, serviceName);

        Assert.Equal((true, model, ResourceType.DedicatedServer, (string?)null), (line.IsGpu, line.GpuModel, line.ResourceType, line.CloudProjectId));
    }

    [Theory]
    [InlineData("Instance l40s-90 - forfait mensuel - décembre 2026 (GRA11)", "L40S")]
    [InlineData("AI Training - 1 GPU L4 - 1234 minutes - novembre", "L4")]
    [InlineData("AI Deploy - 1 x V100S GPU - 500 minutes", "V100S")]
    public void A_cloud_gpu_belongs_to_its_project(string description, string model)
    {
        var line = Classifier.Classify(description, ProjectId);

        Assert.Equal((true, model, ResourceType.CloudProject, ProjectId), (line.IsGpu, line.GpuModel, line.ResourceType, line.CloudProjectId));
    }
}
