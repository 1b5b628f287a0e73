namespace OvhCostManager.Simulator;

/// <summary>Product names, flavours and prices the generated account is made of (public list prices, rounded).</summary>
internal static class Catalog
{
    public static readonly FlavorSpec[] Flavors =
    [
        new("b3-8", 2, 8, 50, "ovh.ssd.general", 0.0566m, 27.20m, false),
        new("b3-16", 4, 16, 100, "ovh.ssd.general", 0.1133m, 54.40m, false),
        new("b3-32", 8, 32, 200, "ovh.ssd.general", 0.2266m, 108.80m, false),
        new("c3-4", 2, 4, 50, "ovh.ssd.cpu", 0.0431m, 20.70m, false),
        new("c3-16", 8, 16, 200, "ovh.ssd.cpu", 0.1724m, 82.80m, false),
        new("d2-4", 2, 4, 50, "ovh.d2", 0.0110m, 5.28m, false),
        new("r3-32", 2, 32, 100, "ovh.ssd.ram", 0.1320m, 63.36m, false),
        new("t2-45", 15, 45, 400, "ovh.ssd.gpu", 2.1900m, 1051.20m, true),
        new("l4-90", 22, 90, 400, "ovh.ssd.gpu", 1.0000m, 480.00m, true),
        new("l40s-90", 15, 90, 400, "ovh.ssd.gpu", 1.8000m, 864.00m, true),
        new("h100-380", 30, 380, 200, "ovh.ssd.gpu", 2.9900m, 1435.20m, true),
        new("a100-180", 15, 180, 300, "ovh.ssd.gpu", 3.0700m, 1473.60m, true),
    ];

    /// <summary>Block-storage prices per GB and hour (the public catalogue's <c>volume.{type}.consumption</c>).</summary>
    public static readonly (string Type, decimal PricePerGbHour)[] VolumeTypes =
        [("classic", 0.0000548m), ("high-speed", 0.0001096m), ("high-speed-gen2", 0.0001096m)];

    /// <summary>Volume snapshot storage per GB and hour (<c>snapshot.consumption</c>).</summary>
    public const decimal SnapshotPricePerGbHour = 0.0000137m;

    /// <summary>A failover IP per month (<c>failover-ip.monthly.postpaid</c>; plan code chosen by the simulator).</summary>
    public const decimal FailoverIpMonthlyPrice = 2.00m;

    public static readonly string[] CloudRegions = ["GRA11", "SBG5", "BHS5", "WAW1", "DE1", "UK1", "GRA9", "EU-WEST-PAR"];

    public static readonly (string Range, string Description, string Cpu, int Cores, int MemGb, int Disks, int DiskGb, decimal Price, bool Gpu)[] Servers =
    [
        ("advance-1", "ADVANCE-1 | AMD EPYC 4244P", "AMD EPYC 4244P", 6, 32, 2, 960, 79.99m, false),
        ("advance-2", "ADVANCE-2 | AMD EPYC 4344P", "AMD EPYC 4344P", 8, 64, 2, 960, 109.99m, false),
        ("rise-1", "RISE-1 | Intel Xeon-E 2386G", "Intel Xeon-E 2386G", 6, 32, 2, 512, 59.99m, false),
        ("scale-a2", "SCALE-a2 | AMD EPYC 9354", "AMD EPYC 9354", 32, 256, 2, 1920, 549.99m, false),
        ("hgr-hci-1", "HGR-HCI-1 | 2x Intel Xeon Gold 6242R", "Intel Xeon Gold 6242R", 20, 384, 6, 3840, 899.00m, false),
        ("scale-gpu-1", "SCALE-GPU-1 | AMD EPYC 9124 + 2x NVIDIA L4", "AMD EPYC 9124", 16, 128, 2, 960, 899.99m, true),
    ];

    public static readonly string[] Datacenters = ["gra3", "rbx8", "sbg3", "bhs6", "waw1", "lim3"];

    public static readonly (string Name, string Offer, int Vcore, int MemMb, int DiskGb, decimal Price)[] VpsModels =
    [
        ("VPS Starter 1-2-20", "VPS-1", 1, 2048, 20, 4.20m),
        ("VPS Value 1-2-40", "VPS-1", 1, 2048, 40, 6.00m),
        ("VPS Essential 2-4-80", "VPS-2", 2, 4096, 80, 12.00m),
        ("VPS Comfort 4-8-160", "VPS-3", 4, 8192, 160, 24.00m),
        ("VPS Elite 8-32-640", "VPS-4", 8, 32768, 640, 52.80m),
    ];

    public static readonly string[] DomainNames =
    [
        "exemple-boutique.fr", "acme-cloud.com", "atelier-mai.fr", "supervision-ops.com", "lesjardins-demo.fr",
        "factures-exemple.com", "nuage-interne.fr", "data-pipeline.io", "ma-marque.eu", "api-demo.cloud",
    ];

    public static readonly string[] BucketNames = ["prod-assets", "backups-db", "media-cache", "logs-archive", "ml-datasets", "static-site"];

    public static readonly string[] InstanceNames = ["web", "api", "worker", "db", "gpu-train", "batch", "cache", "front"];
    public static readonly string[] ProjectNames = ["prod-web", "data-lake", "ml-platform", "staging", "analytics", "internal-tools", "sandbox", "erp"];

    public static readonly string[] PaymentTypes = ["creditCard", "paymentMandate", "paypal", "transfer", "ovhAccount", "creditCard", "paymentMandate"];
}
