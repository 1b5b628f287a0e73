using OvhCostManager.Core.Classification;

namespace OvhCostManager.Tests.Unit.Classification;

/// <summary>One test per trap of the old tool's classification (upstream-features §4), each fixed here.</summary>
public sealed class ClassificationTrapTests
{
    private const string ProjectId = "6f2b8d31c4e94a0b9d57e8a1f3c20b44";
    private static readonly LineClassifier Classifier = new();

    private static ServiceCategory CategoryOf(string description, string? serviceName = null) =>
        Classifier.Classify(description, serviceName).Category;

    private static ResourceType ResourceTypeOf(string serviceName, string description = "Renouvellement") =>
        Classifier.Classify(description, serviceName).ResourceType;

    // §4.1 — "ai " (with a trailing space) matched the French month "mai ".
    [Fact]
    public void Ai_keyword_does_not_match_the_french_month_mai()
    {
        Assert.Equal(ServiceCategory.Support, CategoryOf("Support Business - mai 2025"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Consommation à l'heure - instance b2-7 - mai 2025"));
        Assert.Equal(ServiceCategory.Other, CategoryOf("Remise commerciale - mai 2025"));
    }

    // §4.1 — the same "ai " test missed "AI" at the very end of a description.
    [Fact]
    public void Ai_at_the_end_of_a_description_is_still_ai_ml()
    {
        Assert.Equal(ServiceCategory.AiMl, CategoryOf("Public Cloud AI"));
        Assert.Equal(ServiceCategory.AiMl, CategoryOf("Consommation OVHcloud AI"));
    }

    // §4.1 — "t4" matched many codes; in French "T4" is also the fourth quarter.
    [Fact]
    public void T4_is_a_gpu_only_when_named_as_one()
    {
        var quarter = Classifier.Classify("Facturation trimestrielle T4 2025 - Support Business", null);
        var gpu = Classifier.Classify("Instance GPU 1 x NVIDIA T4 - 40 h", ProjectId);

        Assert.Equal((ServiceCategory.Support, false, (string?)null), (quarter.Category, quarter.IsGpu, quarter.GpuModel));
        Assert.Equal((ServiceCategory.AiMl, true, "T4"), (gpu.Category, gpu.IsGpu, gpu.GpuModel));
    }

    // §4.1 — " ml" matched any word starting with "ml".
    [Fact]
    public void Ml_is_not_found_at_the_start_of_other_words()
    {
        Assert.Equal(ServiceCategory.Network, CategoryOf("Option MLAG 2 x 25 Gbps - vRack"));
        Assert.Equal(ServiceCategory.AiMl, CategoryOf("Machine Learning Serving - 2 replicas"));
    }

    // §4.1 — "object" and "classic" on their own made unrelated products Storage.
    [Fact]
    public void Object_and_classic_alone_do_not_make_a_line_storage()
    {
        Assert.Equal(ServiceCategory.Compute, CategoryOf("VPS Classic 2 - juin 2025"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Kubernetes managed objects - control plane"));
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Object Storage - Standard - 120 GB"));
    }

    // §4.1 — Network was tested after Compute, so "bandwidth of instance" was Compute.
    [Fact]
    public void Bandwidth_of_an_instance_is_network_not_compute()
    {
        Assert.Equal(ServiceCategory.Network, CategoryOf("Bandwidth of instance b2-7 - 2 TB outgoing"));
        Assert.Equal(ServiceCategory.Network, CategoryOf("Instance b3-8 - trafic sortant 500 Go"));
    }

    // §4.1/§4.4 — object-storage "bande passante" was Storage (Storage before Network).
    [Fact]
    public void Object_storage_bandwidth_is_network_not_storage()
    {
        Assert.Equal(ServiceCategory.Network, CategoryOf("Stockage standard - bande passante sortante - 500 Go"));
    }

    // §4.1 — "/27", "/28"... matched anywhere, so a date like 01/28/2025 made a line Network.
    [Fact]
    public void Slash_numbers_in_dates_are_not_ip_blocks()
    {
        Assert.Equal(ServiceCategory.Other, CategoryOf("Domain renewal example.com - 01/28/2025 to 01/28/2026"));
        Assert.Equal(ServiceCategory.Other, CategoryOf("Certificat SSL - 05/27/2025"));
        Assert.Equal(ServiceCategory.Network, CategoryOf("Bloc IP /29 - 8 adresses"));
        Assert.Equal(ServiceCategory.Network, CategoryOf("RIPE allocation 141.94.20.0/27"));
    }

    // §4.1 — substring tests: "s3" inside a server name made a dedicated-server rental Storage.
    [Fact]
    public void S3_is_not_found_inside_a_dedicated_server_name()
    {
        var line = Classifier.Classify(
            "Location serveur dédié Advance-2 (ns3187654.ip-51-77-102.eu) pour la période du 01/05/2025 au 31/05/2025",
            "ns3187654.ip-51-77-102.eu");

        Assert.Equal((ServiceCategory.Compute, ResourceType.DedicatedServer), (line.Category, line.ResourceType));
    }

    // §4.1 — "ram " and "host " were substrings ("programme ", "ghost ") and Storage came before Compute.
    [Fact]
    public void Ram_and_host_are_whole_words()
    {
        Assert.Equal(ServiceCategory.Other, CategoryOf("Programme de fidélité - remise"));
        Assert.Equal(ServiceCategory.Other, CategoryOf("Hosted Exchange 2019 - 10 accounts"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Option RAM supplémentaire 64 Go"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Hosted Private Cloud - Host SDDC 2021"));
    }

    // §4.1 — Storage before Compute: a server described with its disks was Storage.
    [Fact]
    public void Dedicated_server_described_with_its_disks_is_compute()
    {
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Serveur dédié Rise-1 - 2x 512 Go SSD NVMe disques - mai 2025"));
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Disque additionnel 2 To pour serveur dédié"));
    }

    // §4.1 — "premier 384/768" is a host range, but "premier" alone is French for "first".
    [Fact]
    public void Premier_alone_is_not_a_private_cloud_host()
    {
        Assert.Equal(ServiceCategory.Other, CategoryOf("Premier mois offert - Hébergement Perso"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Location d'hôte PREMIER 384 - 1 mois"));
    }

    // §4.1 — matching was case-insensitive but not accent-insensitive.
    [Fact]
    public void Accents_and_case_are_ignored()
    {
        Assert.Equal(ServiceCategory.Network, CategoryOf("RÉSEAU PRIVÉ - passerelle"));
        Assert.Equal(ServiceCategory.Network, CategoryOf("reseau prive - passerelle"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("MÉMOIRE supplémentaire 32 Go"));
        Assert.Equal(ServiceCategory.Compute, CategoryOf("memoire supplementaire 32 Go"));
    }

    // §4.4 — bucket lines were recognised in French only.
    [Fact]
    public void English_bucket_lines_are_storage_like_french_ones()
    {
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Standard object storage - bucket media-assets - 2.4 TB"));
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Stockage standard - bucket media-assets - 2,4 To"));
    }

    // Customer-chosen names printed in descriptions said nothing about the product but were matched as words.
    [Fact]
    public void Customer_chosen_bucket_and_project_names_do_not_classify_the_line()
    {
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Stockage standard - bucket backups-prod - 820 Go"));
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Object Storage - bucket ai-models - 3 TB"));
        Assert.Equal(ServiceCategory.Storage, CategoryOf("Standard Infrequent Access - bucket logs-archive"));
        Assert.False(Classifier.Classify("Object Storage - bucket h100-results", ProjectId).IsGpu);
        Assert.Equal(ServiceCategory.Compute, CategoryOf("Public Cloud - consumption 2025-05-01 -> 2025-05-31 (project ai-lab)", ProjectId));
    }

    // §4.2 — every UUID was a licence, NetApp (Enterprise File Storage) volumes included.
    [Fact]
    public void Uuid_service_is_netapp_storage_not_a_licence()
    {
        Assert.Equal(ResourceType.Storage, ResourceTypeOf("3d5c2f0e-8a41-4b7e-9c2d-1f6a0b9e7c55", "Enterprise File Storage - premium - 1 TiB"));
        Assert.Equal(ResourceType.Licence, ResourceTypeOf("5a0c9d1e-2b3f-4c5d-8e7f-9a0b1c2d3e4f", "Licence Windows Server 2022 Standard"));
    }

    // §4.2 — "ten digits or more = telephony" came before "32 hex = cloud project".
    [Fact]
    public void Cloud_project_id_made_only_of_digits_is_not_telephony()
    {
        var line = Classifier.Classify("Public Cloud - consumption", "20250531123456789012345678901234");

        Assert.Equal((ResourceType.CloudProject, "20250531123456789012345678901234"), (line.ResourceType, line.CloudProjectId));
        Assert.Equal(ResourceType.Telephony, ResourceTypeOf("0033972101010", "Ligne SIP"));
    }

    // §4.2 — only .fr/.com/.org/.net/.io/.eu/.cloud/.tech/.dev/.info/.pro were domains; .ovh went to "web cloud".
    [Theory]
    [InlineData("mon-site.de")]
    [InlineData("exemple.be")]
    [InlineData("shop.co.uk")]
    [InlineData("boutique.ovh")]
    [InlineData("xn--caf-dma.fr")]
    public void Domains_outside_the_old_tld_list_are_domains(string domain)
    {
        Assert.Equal(ResourceType.Domain, ResourceTypeOf(domain, "Renouvellement domaine pour 1 an"));
    }

    // §4.2 — any name starting "vps-" or "vps<digit>" was a VPS, customer domains included.
    [Fact]
    public void A_domain_starting_with_vps_is_not_a_vps()
    {
        Assert.Equal(ResourceType.Domain, ResourceTypeOf("vps-france.fr"));
        Assert.Equal(ResourceType.Domain, ResourceTypeOf("vps2024.com"));
        Assert.Equal(ResourceType.Vps, ResourceTypeOf("vps-4f8a2c1d.vps.ovh.net"));
    }

    // §4.2 — IPv6 services fell to "other".
    [Fact]
    public void Ipv6_blocks_are_ip_services()
    {
        Assert.Equal(ResourceType.Ip, ResourceTypeOf("2001:41d0:302:1100::/64", "IPv6 block /64"));
        Assert.Equal(ResourceType.Ip, ResourceTypeOf("ip-51.77.102.17", "Adresse IP Failover"));
    }

    // §4.2 (by-resource-type) — NULL and 'other' made two "Other" groups; a type is never null here.
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Missing_service_name_gives_other_never_null(string? serviceName)
    {
        var line = Classifier.Classify("Remise commerciale", serviceName);

        Assert.Equal((ResourceType.Other, (string?)null), (line.ResourceType, line.CloudProjectId));
    }

    // §4.3 — the project id was set only when /cloud/project listed it during the same run.
    [Fact]
    public void Cloud_project_is_recognised_without_an_inventory_run()
    {
        Assert.Equal(ProjectId, Classifier.Classify("Outgoing public traffic - 120 GB", ProjectId).CloudProjectId);
        Assert.Equal(ProjectId, Classifier.Classify("Instance b2-7", ProjectId.ToUpperInvariant()).CloudProjectId);
        Assert.Equal(ProjectId, Classifier.Classify($"Consommation du projet {ProjectId} - instance b2-7", null).CloudProjectId);
    }

    // §4.4 — t1 and t2 flavours were labelled "NVIDIA T4"; they run V100 and V100S.
    [Fact]
    public void T1_and_t2_flavours_are_v100_and_v100s_not_t4()
    {
        Assert.Equal("V100", Classifier.Classify("Instance t1-45 - GRA7", ProjectId).GpuModel);
        Assert.Equal("V100S", Classifier.Classify("Instance t2-le-90 - BHS5", ProjectId).GpuModel);
    }

    // §4.4 — A10, A40, H200, B200 were not detected.
    [Theory]
    [InlineData("Instance a10-45 - GRA11", "A10")]
    [InlineData("Instance a40-90 - GRA11", "A40")]
    [InlineData("Instances h200-1520 - GRA11", "H200")]
    [InlineData("Instance b200-2880 - GRA11", "B200")]
    public void Newer_gpu_families_are_detected(string description, string model)
    {
        var line = Classifier.Classify(description, ProjectId);

        Assert.Equal((true, model, ServiceCategory.AiMl), (line.IsGpu, line.GpuModel, line.Category));
    }

    // §4.4 — GPUs were found only in "instance(s) <family>-" phrases.
    [Fact]
    public void Gpu_is_found_outside_instance_flavour_phrases()
    {
        Assert.Equal("H100", Classifier.Classify("AI Training - 1 x H100 - 12h", ProjectId).GpuModel);
        Assert.Equal("L4", Classifier.Classify("Serveur dédié Scale-GPU-1 - 2x NVIDIA L4", null).GpuModel);
    }

    // §4.5 — a bill line maps to an inventory resource by identity of domain and serviceName, never by prefix.
    [Fact]
    public void Inventory_maps_only_exact_service_names()
    {
        var resolver = new ResourceResolver(new Dictionary<string, ResourceType> { ["pcc-51-91-120-14"] = ResourceType.PrivateCloud });

        Assert.Equal(ResourceType.PrivateCloud, resolver.Classify("Hosted Private Cloud - vCPU", "pcc-51-91-120-14").ResourceType);
        Assert.Equal(ResourceType.PrivateCloudHost, resolver.Classify("Host SDDC 2021", "pcc-51-91-120-14/host/201").ResourceType);
    }
}
