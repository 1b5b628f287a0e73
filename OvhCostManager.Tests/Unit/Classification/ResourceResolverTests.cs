using OvhCostManager.Core.Classification;

namespace OvhCostManager.Tests.Unit.Classification;

public sealed class ResourceResolverTests
{
    private static readonly Dictionary<string, ResourceType> Inventory = new()
    {
        ["ns3187654.ip-51-77-102.eu"] = ResourceType.DedicatedServer,
        ["vps-4f8a2c1d.vps.ovh.net"] = ResourceType.Vps,
        ["3d5c2f0e-8a41-4b7e-9c2d-1f6a0b9e7c55"] = ResourceType.Storage,
        ["6f2b8d31c4e94a0b9d57e8a1f3c20b44"] = ResourceType.CloudProject,
        ["my-server.example.com"] = ResourceType.DedicatedServer,
        ["legacy-project"] = ResourceType.CloudProject,
        ["5a0c9d1e-2b3f-4c5d-8e7f-9a0b1c2d3e4f"] = ResourceType.Storage,
    };

    private readonly ResourceResolver _resolver = new(Inventory);

    [Fact]
    public void A_known_service_name_takes_its_inventory_type_over_the_name_shape()
    {
        // Without inventory this name looks like a domain, and this UUID with a licence text like a licence.
        Assert.Equal(ResourceType.Domain, new LineClassifier().Classify("Serveur dédié - renouvellement", "my-server.example.com").ResourceType);
        Assert.Equal(ResourceType.DedicatedServer, _resolver.Classify("Serveur dédié - renouvellement", "my-server.example.com").ResourceType);
        Assert.Equal(ResourceType.Storage, _resolver.Classify("Licence Windows Server 2022", "5a0c9d1e-2b3f-4c5d-8e7f-9a0b1c2d3e4f").ResourceType);
    }

    [Fact]
    public void The_category_still_comes_from_the_description()
    {
        var line = _resolver.Classify("Backup Storage 500 GB - serveur dédié", "ns3187654.ip-51-77-102.eu");

        Assert.Equal((ServiceCategory.Backup, ResourceType.DedicatedServer), (line.Category, line.ResourceType));
    }

    [Fact]
    public void A_known_cloud_project_gives_the_line_its_project_id_even_when_it_does_not_look_like_one()
    {
        var line = _resolver.Classify("Public Cloud - consumption", "legacy-project");

        Assert.Equal((ResourceType.CloudProject, "legacy-project"), (line.ResourceType, line.CloudProjectId));
    }

    [Theory]
    [InlineData("NS3187654.IP-51-77-102.EU", ResourceType.DedicatedServer)]
    [InlineData(" vps-4f8a2c1d.vps.ovh.net ", ResourceType.Vps)]
    [InlineData("3D5C2F0E-8A41-4B7E-9C2D-1F6A0B9E7C55", ResourceType.Storage)]
    public void Service_names_are_compared_without_regard_to_case_or_surrounding_spaces(string serviceName, ResourceType expected)
    {
        Assert.True(_resolver.TryGetInventoryType(serviceName, out var type));
        Assert.Equal(expected, type);
    }

    [Theory]
    [InlineData("ns3187654.ip-51-77-102")]
    [InlineData("ns3187654.ip-51-77-102.eu/disk1")]
    [InlineData("backup-ns3187654.ip-51-77-102.eu")]
    [InlineData("6f2b8d31c4e94a0b9d57e8a1f3c20b4")]
    [InlineData("")]
    [InlineData(null)]
    public void Only_an_exact_service_name_maps_to_the_inventory(string? serviceName)
    {
        Assert.False(_resolver.TryGetInventoryType(serviceName, out _));
    }

    [Fact]
    public void Unknown_services_fall_back_to_the_name_shape_rules()
    {
        var line = _resolver.Classify("Instance b2-7", "a91c0e7d25f34b6c8e1d9f0a7b3c5e22");

        Assert.Equal((ResourceType.CloudProject, "a91c0e7d25f34b6c8e1d9f0a7b3c5e22"), (line.ResourceType, line.CloudProjectId));
        Assert.Equal(ResourceType.LoadBalancer, _resolver.Classify("Load Balancer - Size S", "loadbalancer-5f2a9c1e").ResourceType);
    }

    [Fact]
    public void An_inventory_listing_one_name_under_two_types_is_refused_with_the_name()
    {
        var conflicting = new[]
        {
            KeyValuePair.Create("ns3187654.ip-51-77-102.eu", ResourceType.DedicatedServer),
            KeyValuePair.Create("NS3187654.ip-51-77-102.eu", ResourceType.Vps),
        };

        var error = Assert.Throws<ArgumentException>(() => new ResourceResolver(conflicting));
        Assert.Contains("NS3187654.ip-51-77-102.eu", error.Message);
    }

    [Fact]
    public void An_inventory_entry_without_a_service_name_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => new ResourceResolver([KeyValuePair.Create(" ", ResourceType.Vps)]));
        Assert.Contains("serviceName", error.Message);
    }
}
