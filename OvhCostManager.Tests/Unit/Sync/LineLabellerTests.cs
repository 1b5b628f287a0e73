using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data.Entities;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Tests.Unit.Sync;

public sealed class LineLabellerTests
{
    private static readonly LineLabeller Labeller = LineLabeller.For(
    [
        ("ns3187654.ip-51-77-102.eu", ResourceType.DedicatedServer),
        ("vps-1a2b3c4d.vps.ovh.net", ResourceType.Vps),
        ("6f1e2d3c-0000-4000-8000-1234567890ab", ResourceType.Storage),
        ("8d5fec425d368063f9aa5c91d99abc36", ResourceType.CloudProject),
    ]);

    private static BillLine Line(string description, string domain)
    {
        var line = new BillLine { Description = description, Domain = domain };
        Labeller.Label(line);
        return line;
    }

    [Fact]
    public void A_line_whose_domain_is_a_known_server_maps_to_it_exactly_whatever_the_case()
    {
        var line = Line("Location serveur dédié ADVANCE-2 pour novembre 2026", "NS3187654.ip-51-77-102.eu");

        Assert.Equal(ResourceType.DedicatedServer, line.ResourceType);
        Assert.Equal("ns3187654.ip-51-77-102.eu", line.ResourceKey);
        Assert.Equal(ServiceCategory.Compute, line.Category);
    }

    [Fact]
    public void A_line_whose_domain_only_contains_a_known_name_gets_no_resource_key()
    {
        var line = Line("Additional IP for server", "ns3187654.ip-51-77-102.eu/ip-1");

        Assert.Null(line.ResourceKey);
    }

    [Fact]
    public void A_known_netapp_id_maps_a_storage_line_even_though_its_name_looks_like_nothing()
    {
        var line = Line("Enterprise File Storage 1 TiB - November 2026", "6f1e2d3c-0000-4000-8000-1234567890ab");

        Assert.Equal(ResourceType.Storage, line.ResourceType);
        Assert.Equal("6f1e2d3c-0000-4000-8000-1234567890ab", line.ResourceKey);
    }

    [Fact]
    public void A_known_cloud_project_gives_the_line_its_project_and_keeps_the_gpu_label()
    {
        var line = Line("Public Cloud instances h100-380 - hourly consumption (GRA11) - novembre 2026", "8d5fec425d368063f9aa5c91d99abc36");

        Assert.Equal(ResourceType.CloudProject, line.ResourceType);
        Assert.Equal("8d5fec425d368063f9aa5c91d99abc36", line.CloudProjectId);
        Assert.Equal("8d5fec425d368063f9aa5c91d99abc36", line.ResourceKey);
        Assert.True(line.IsGpu);
        Assert.Equal(ServiceCategory.AiMl, line.Category);
    }

    [Fact]
    public void An_unknown_service_is_classified_from_its_name_alone_without_a_resource_key()
    {
        var line = Line("Nom de domaine example.com - renouvellement 1 an", "example.com");

        Assert.Null(line.ResourceKey);
        Assert.Equal(ResourceType.Domain, line.ResourceType);
    }
}
