using System.Globalization;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Costs;

namespace OvhCostManager.Simulator;

public sealed partial class SimulatedAccount
{
    private const int InventoryStream = 1;
    private const int MonthStream = 2;
    private const int PlanStream = 3;
    private const int ProjectExtrasStream = 4;
    private const int RecentCreditUseStream = 6;
    private const decimal LoadBalancerMonthly = 18.00m;
    private const decimal PccHostRental = 780.00m;
    private const decimal PccManagementFee = 190.00m;

    private static readonly string[] ProjectExtras =
        ["loadbalancer", "gateway", "ai-training", "ai-notebook", "ai-deploy", "postgresql", "mongodb", "mysql", "registry", "coldarchive"];

    private readonly Dictionary<string, string[]> extrasByProject = new(StringComparer.Ordinal);
    private readonly List<string> domainNames = [];
    private readonly List<string> ipBlocks = [];
    private readonly List<string> loadBalancers = [];
    private readonly List<string> veeamVms = [];
    private readonly List<string> licenceIds = [];
    private string pccName = "pcc-51-91-12-34";

    /// <param name="day">Midnight (Paris) of the day the account is generated for: expiries and ages count from it.</param>
    private void GenerateInventory(DateTimeOffset day)
    {
        var r = SeededRandom.For(Seed, InventoryStream);
        var today = ParisTime.DateOf(day);
        long serviceId = 103_000_000 + r.Next(100_000);
        var termIndex = 0;

        ServiceTerms Terms(DateOnly creation, bool consumptionBilled = false)
        {
            serviceId += 1 + r.Next(5_000);
            var bucket = termIndex < 8 ? termIndex % 4 : r.NextDouble() switch { < 0.10 => 0, < 0.25 => 1, < 0.45 => 2, _ => 3 };
            termIndex++;
            var expiration = bucket switch
            {
                0 => today.AddDays(-1 - r.Next(60)),
                1 => today.AddDays(r.Next(0, 8)),
                2 => today.AddDays(r.Next(8, 31)),
                _ => today.AddDays(r.Next(31, 366)),
            };
            if (consumptionBilled) expiration = today.AddDays(r.Next(31, 366));
            var renew = r.NextDouble() switch { < 0.6 => RenewKind.Automatic, < 0.85 => RenewKind.Manual, _ => RenewKind.Forced };
            var engaged = r.NextDouble() < 0.3 ? expiration.AddMonths(r.Next(1, 12)) : (DateOnly?)null;
            var status = expiration < today ? "expired" : "ok";
            return new ServiceTerms(serviceId, creation, expiration, engaged, renew, status);
        }

        DateOnly Creation() => today.AddDays(-(Shape.Months * 31) - r.Next(400));

        for (var i = 0; i < Shape.DedicatedServers; i++)
        {
            var model = Catalog.Servers[i < Catalog.Servers.Length ? (i + 1) % Catalog.Servers.Length : r.Next(Catalog.Servers.Length)];
            var (a, b, c) = (r.Next(37, 200), r.Next(1, 255), r.Next(1, 255));
            var name = i % 5 == 4 ? $"ns{r.Next(100_000, 999_999)}.ovh.net" : $"ns{r.Next(3_000_000, 3_999_999)}.ip-{a}-{b}-{c}.eu";
            var dc = r.Pick(Catalog.Datacenters);
            DedicatedServers.Add(new SimDedicatedServer(
                name, $"{r.Pick(new[] { "db", "web", "backup", "hypervisor", "gpu", "build" })}-{i + 1:D2}", 1_500_000 + r.Next(500_000),
                model.Range, model.Description, dc, RegionOfDatacenter(dc), $"{a}.{b}.{c}.{r.Next(2, 250)}",
                r.Pick(new[] { "debian12_64", "ubuntu2404-server_64", "proxmox8_64", "win2022-std_64" }), $"G{r.Next(100, 999)}A{r.Next(1, 40):D2}",
                "24" + model.Range.Replace("-", "", StringComparison.Ordinal), Money.FromDecimal(model.Price), model.Cores, model.MemGb, model.Disks,
                model.DiskGb, model.Cpu, model.Gpu, Terms(Creation())));
        }

        for (var i = 0; i < Shape.Vps; i++)
        {
            var model = Catalog.VpsModels[i < Catalog.VpsModels.Length ? (i + 3) % Catalog.VpsModels.Length : r.Next(Catalog.VpsModels.Length)];
            var name = $"vps-{r.Hex(8)}.vps.ovh.net";
            var zone = r.Pick(new[] { "gra", "sbg", "bhs", "waw" });
            Vps.Add(new SimVps(
                name, $"vps-{r.Pick(new[] { "monitoring", "vpn", "bastion", "wordpress", "ci-runner", "dns" })}-{i + 1}", model.Name, model.Offer,
                model.Vcore, model.MemMb, model.DiskGb, $"Region OpenStack: os-{zone}{r.Next(1, 9)}", $"{zone}-pci-vps-{r.Next(100, 200)}",
                r.NextDouble() < 0.9 ? "running" : "stopped", [$"51.{r.Next(68, 91)}.{r.Next(0, 255)}.{r.Next(2, 250)}", $"2001:41d0:{r.Hex(3)}:{r.Hex(4)}::1"],
                Money.FromDecimal(model.Price), Terms(Creation())));
        }

        for (var i = 0; i < Shape.NetApps; i++)
        {
            var created = ParisTime.At(today.Year, today.Month, 1).AddDays(-(Shape.Months * 31) - r.Next(300));
            var tib = r.Next(1, 11);
            NetApps.Add(new SimNetApp(
                r.Uuid(), $"{r.Pick(new[] { "finance", "media", "shared", "home", "archive" })}-nfs-{i + 1}",
                r.Pick(new[] { "eu-west-gra", "eu-west-rbx", "eu-west-sbg", "ca-east-bhs" }), tib * 1_099_511_627_776L, created, "running",
                Money.FromDecimal(tib * 169.00m), Terms(DateOnly.FromDateTime(created.DateTime))));
        }

        for (var i = 0; i < Shape.CloudProjects; i++)
        {
            var id = r.Hex(32);
            var regionCount = r.Next(1, 4);
            var regions = Catalog.CloudRegions.OrderBy(_ => r.Next()).Take(regionCount).ToArray();
            var created = ParisTime.At(today.Year, today.Month, 1).AddDays(-(Shape.Months * 31) - r.Next(200));
            var name = i < Catalog.ProjectNames.Length ? Catalog.ProjectNames[i] : $"project-{i + 1}";
            CloudProjects.Add(new SimCloudProject(id, name, created, 8_000_000_000 + r.Next(1_000_000), "ok", regions,
                Terms(DateOnly.FromDateTime(created.DateTime), consumptionBilled: true)));
            var pr = SeededRandom.For(Seed, ProjectExtrasStream, i);
            extrasByProject[id] = ProjectExtras.OrderBy(_ => pr.Next()).Take(pr.Next(2, 5)).ToArray();
        }

        var historyStart = StartMonth.AddMonths(-Shape.Months).Start;
        for (var i = 0; i < Shape.Instances; i++)
        {
            var project = CloudProjects[i % CloudProjects.Count];
            var flavor = i % 9 == 2 || r.NextDouble() < 0.15 ? Catalog.Flavors[r.Next(7, Catalog.Flavors.Length)] : Catalog.Flavors[r.Next(0, 7)];
            var created = historyStart.AddHours(r.Next(0, (int)Math.Max(1, (day - historyStart).TotalHours - 48)));
            Instances.Add(new SimInstance(
                r.Uuid(), project.Id, $"{r.Pick(Catalog.InstanceNames)}-{i + 1}", flavor, r.Pick(project.Regions), created,
                r.NextDouble() < 0.25, r.NextDouble() < 0.92 ? "ACTIVE" : "SHUTOFF", $"57.128.{r.Next(0, 255)}.{r.Next(2, 250)}",
                r.Pick(new[] { "Debian 12", "Ubuntu 24.04", "Rocky Linux 9", "Windows Server 2022 Standard" })));
        }

        var others = Math.Max(2, Shape.CloudProjects);
        for (var i = 0; i < others && i < Catalog.DomainNames.Length; i++) domainNames.Add(Catalog.DomainNames[i]);
        for (var i = 0; i < Math.Max(1, others / 2); i++) ipBlocks.Add($"ip-{r.Next(51, 200)}.{r.Next(0, 255)}.{r.Next(0, 255)}.{r.Next(0, 31) * 8}/29");
        for (var i = 0; i < Math.Max(1, others / 2); i++) loadBalancers.Add($"loadbalancer-{r.Hex(32)}");
        for (var i = 0; i < Math.Max(1, others / 2); i++) veeamVms.Add($"vm-{r.Next(1000, 9999)}");
        for (var i = 0; i < 2; i++) licenceIds.Add(r.Uuid());
        pccName = $"pcc-{r.Next(51, 200)}-{r.Next(0, 255)}-{r.Next(0, 255)}-{r.Next(0, 255)}";

        foreach (var domain in domainNames)
        {
            // Domains renew yearly at the price of their renewal lines; the draw stays so that later draws do not move.
            _ = r.Euros(0.7m, 1.5m);
            OtherServices.Add(new SimOtherService(domain, domain, "domain", "Domain name", "/domain/{serviceName}", Money.FromDecimal(DomainRenewalPrice(domain)),
                Terms(Creation()), PeriodMonths: 12));
        }
        // A Hosted Private Cloud of one host: the host rental and the management fee of its bill lines.
        OtherServices.Add(new SimOtherService(pccName, "Hosted Private Cloud", "dedicatedCloud", "Hosted Private Cloud", "/dedicatedCloud/{serviceName}",
            Money.FromDecimal(PccHostRental + PccManagementFee), Terms(Creation())));
        foreach (var ip in ipBlocks)
            OtherServices.Add(new SimOtherService(ip, ip[3..], "ip", "Additional IP block", "/ip/{ip}", Money.FromDecimal(12m), Terms(Creation())));
        foreach (var lb in loadBalancers)
        {
            _ = r.Euros(15m, 40m);
            OtherServices.Add(new SimOtherService(lb, lb, "ipLoadbalancing", "Load Balancer", "/ipLoadbalancing/{serviceName}", Money.FromDecimal(LoadBalancerMonthly), Terms(Creation())));
        }

        // One automatically renewed service is to end at its expiry (no draw: the choice is the first that fits).
        var ending = OtherServices.FindIndex(s => s.Terms is { Status: "ok", Renew: RenewKind.Automatic } && s.ProductName is "ip" or "ipLoadbalancing");
        if (ending >= 0) OtherServices[ending] = OtherServices[ending] with { Terms = OtherServices[ending].Terms with { DeleteAtExpiration = true } };
    }

    private static decimal DomainRenewalPrice(string domain) => domain.EndsWith(".fr", StringComparison.Ordinal) ? 8.99m : 13.99m;

    private static string RegionOfDatacenter(string dc) => dc[..3] switch
    {
        "gra" => "eu-west-gra",
        "rbx" => "eu-west-rbx",
        "sbg" => "eu-west-sbg",
        "bhs" => "ca-east-bhs",
        "waw" => "eu-central-waw",
        _ => "eu-west-lim",
    };

    /// <param name="day">Midnight (Paris) of the day the month is generated on (the account's first day, or the day the clock entered the month).</param>
    private void GenerateMonth(BillingMonth month, DateTimeOffset day)
    {
        var r = SeededRandom.For(Seed, MonthStream, month.Index);
        var monthBills = new List<SimBill>(Shape.BillsPerMonth);
        var billingBase = 40_000_000L + (Seed & 0xF) * 1_000_000L + (month.Index - 24_000) * 1_000L;

        var dates = new List<DateTimeOffset> { month.Start.AddHours(5).AddMinutes(r.Next(0, 10)).AddSeconds(r.Next(60)) };
        var seconds = (int)(month.End - month.Start).TotalSeconds;
        for (var i = 1; i < Shape.BillsPerMonth; i++)
        {
            dates.Add(month.Start.AddSeconds(3 * 3600 + r.Next(0, seconds - 4 * 3600)));
        }

        dates.Sort();
        var consumptionDate = month.Start.AddHours(5);
        for (var k = 0; k < dates.Count; k++)
        {
            var isConsumption = dates[k] >= consumptionDate && dates[k] < consumptionDate.AddMinutes(11) && !monthBills.Any(b => b.IsConsumptionBill);
            var id = $"FR{billingBase + k:D8}";
            var bill = new SimBill
            {
                BillId = id,
                Date = dates[k],
                Category = "autorenew",
                OrderId = 8_100_000_000L + (month.Index - 24_000) * 1_000L + k,
                Password = r.Hex(6),
                IsConsumptionBill = isConsumption,
            };
            if (isConsumption)
            {
                bill.Category = "purchase-cloud";
                FillConsumptionBill(bill, month, r);
            }
            else
            {
                FillOrdinaryBill(bill, month, r);
            }

            // Every bill draws its payment, so that whether one is left unpaid does not move the draws of the next.
            // Bills of the last 30 days are left unpaid nearly half the time; the others are paid within three days,
            // and a payment dated after the clock's now is not shown until then (SimBill.PaymentAt).
            var late = r.NextDouble();
            var unpaid = day - bill.Date < TimeSpan.FromDays(30) && late < 0.45;
            var payment = new SimPayment(bill.Date.AddMinutes(r.Next(1, 60 * 24 * 3)), r.Pick(Catalog.PaymentTypes),
                r.NextDouble() < 0.8 ? $"{r.Pick(new[] { "CB", "SEPA DD", "PP", "VIR" })} {r.Next(1000, 9999)}" : null);
            bill.Payment = unpaid ? null : payment;

            monthBills.Add(bill);
        }

        AddBilledButNotThereLines(monthBills, month);
        foreach (var bill in monthBills) Insert(bill);
        if (month == StartMonth.AddMonths(-(Shape.Months - 1))) GenerateCredits(month, day);
    }

    private void FillConsumptionBill(SimBill bill, BillingMonth month, Random r)
    {
        var previous = month.Previous;
        var plan = PlanFor(previous);
        var bump = consumptionBumps.GetValueOrDefault(previous);
        var n = 0;
        foreach (var element in plan.Elements)
        {
            var amount = element.Amount + (n == 0 ? bump : Money.Zero);
            n++;
            bill.Lines.Add(new SimBillLine
            {
                DetailId = $"{bill.BillId}-{n}",
                Description = element.BillDescription,
                Domain = element.Domain,
                Quantity = 1,
                UnitPrice = amount.Amount,
                TotalPrice = amount,
                PeriodStart = previous.FirstDay,
                PeriodEnd = previous.LastDay,
                ServiceCategory = element.PlanFamily == "instance"
                    ? InstanceCategory(Catalog.Flavors.Single(f => f.Name == element.Reference))
                    : ConsumptionCategory(element.PlanFamily),
            });
        }

        foreach (var instance in Instances.Where(i => i.MonthlyBilling && i.Created < month.Start))
        {
            n++;
            var french = r.NextDouble() < 0.6;
            bill.Lines.Add(new SimBillLine
            {
                DetailId = $"{bill.BillId}-{n}",
                Description = french
                    ? $"Instance {instance.Flavor.Name} - forfait mensuel - {month.FrenchName} {month.Year} ({instance.Region})"
                    : $"Instance {instance.Flavor.Name} - monthly plan - {month.EnglishName} {month.Year} ({instance.Region})",
                Domain = instance.ProjectId,
                Quantity = 1,
                UnitPrice = instance.Flavor.MonthlyPrice,
                TotalPrice = Money.FromDecimal(instance.Flavor.MonthlyPrice),
                PeriodStart = month.FirstDay,
                PeriodEnd = month.LastDay,
                ServiceCategory = InstanceCategory(instance.Flavor),
            });
        }
    }

    /// <summary>GPU spend is AI / ML on the dashboard, whatever runs it.</summary>
    private static ServiceCategory InstanceCategory(FlavorSpec flavor) => flavor.Gpu ? ServiceCategory.AiMl : ServiceCategory.Compute;

    private static ServiceCategory ConsumptionCategory(string planFamily) => planFamily switch
    {
        "registry" => ServiceCategory.Compute,
        "storage" or "volume" or "snapshot" => ServiceCategory.Storage,
        "bandwidth" or "octavia-loadbalancer" or "gateway" => ServiceCategory.Network,
        "databases" => ServiceCategory.Database,
        "ai-training" or "ai-notebook" or "ai-app" => ServiceCategory.AiMl,
        _ => throw new ArgumentOutOfRangeException(nameof(planFamily), planFamily, "No category for this consumption plan family."),
    };

    private void FillOrdinaryBill(SimBill bill, BillingMonth month, Random r)
    {
        string? category = null;
        for (var n = 1; n <= Shape.LinesPerBill; n++)
        {
            var (line, lineCategory) = OrdinaryLine(r, month, $"{bill.BillId}-{n}", ParisTime.DateOf(bill.Date));
            category ??= lineCategory;
            bill.Lines.Add(line);
        }

        bill.Category = category ?? "autorenew";
    }

    private (SimBillLine Line, string Category) OrdinaryLine(Random r, BillingMonth month, string detailId, DateOnly billDay)
    {
        // Servers, VPS and NetApp renew monthly on their own day, billed in advance for the month from that day.
        var renewedFrom = (DateOnly?)billDay;
        var renewedTo = (DateOnly?)billDay.AddMonths(1).AddDays(-1);
        var fr = r.NextDouble() < 0.6;
        var m = fr ? month.FrenchName : month.EnglishName;
        var y = month.Year;
        string description;
        string domain;
        string category;
        ServiceCategory service;
        decimal unit;
        decimal quantity = 1;
        var periodStart = (DateOnly?)month.FirstDay;
        var periodEnd = (DateOnly?)month.LastDay;
        var project = CloudProjects[r.Next(CloudProjects.Count)];
        var kind = r.Next(100);

        if (kind < 14 && DedicatedServers.Count > 0)
        {
            var s = DedicatedServers[r.Next(DedicatedServers.Count)];
            var range = CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s.CommercialRange);
            description = fr ? $"Location serveur dédié {range} pour 1 mois ({m} {y})" : $"Dedicated server rental {range} for 1 month ({m} {y})";
            domain = s.Name;
            unit = s.MonthlyPrice.Amount;
            category = "autorenew";
            service = s.Gpu ? ServiceCategory.AiMl : ServiceCategory.Compute;
            (periodStart, periodEnd) = (renewedFrom, renewedTo);
        }
        else if (kind < 24 && Vps.Count > 0)
        {
            var v = BilledVps(Vps[r.Next(Vps.Count)]);
            description = fr ? $"{v.ModelName} - renouvellement 1 mois" : $"{v.ModelName} - 1 month renewal";
            domain = v.Name;
            unit = v.MonthlyPrice.Amount;
            category = "autorenew";
            service = ServiceCategory.Compute;
            (periodStart, periodEnd) = (renewedFrom, renewedTo);
        }
        else if (kind < 28 && NetApps.Count > 0)
        {
            var s = NetApps[r.Next(NetApps.Count)];
            description = fr ? $"Enterprise File Storage - {s.QuotaBytes / 1_099_511_627_776L} To - {m} {y}" : $"Enterprise File Storage - {s.QuotaBytes / 1_099_511_627_776L} TB - {m} {y}";
            domain = s.Id;
            unit = s.MonthlyPrice.Amount;
            category = "autorenew";
            service = ServiceCategory.Storage;
            (periodStart, periodEnd) = (renewedFrom, renewedTo);
        }
        else if (kind < 33)
        {
            var d = domainNames[r.Next(domainNames.Count)];
            description = fr ? $"Renouvellement du nom de domaine {d} pour 1 an" : $"Domain name renewal {d} for 1 year";
            domain = d;
            unit = DomainRenewalPrice(d);
            category = "purchase-web";
            service = ServiceCategory.Other;
            periodStart = null;
            periodEnd = null;
        }
        else if (kind < 37)
        {
            var d = domainNames[r.Next(domainNames.Count)];
            description = fr ? $"Hébergement Web Pro - {d} - 12 mois" : $"Web Hosting Pro - {d} - 12 months";
            domain = d;
            unit = 83.88m;
            category = "purchase-web";
            service = ServiceCategory.Other;
            // Billed once a year, in advance, for the twelve months from the bill's month.
            periodEnd = month.FirstDay.AddYears(1).AddDays(-1);
        }
        else if (kind < 41)
        {
            quantity = r.Next(2, 12);
            description = fr ? $"E-mail Exchange 2019 Hosted - {quantity} comptes - {m} {y}" : $"Email Exchange 2019 Hosted - {quantity} accounts - {m} {y}";
            domain = "hosted-" + Nichandle;
            unit = 4.19m;
            category = "purchase-web";
            service = ServiceCategory.Other;
        }
        else if (kind < 46)
        {
            var host = r.Next(1000, 1010);
            if (r.NextDouble() < 0.5)
            {
                description = fr ? $"Hosted Private Cloud - location host 192 Go - {m} {y}" : $"Hosted Private Cloud - host rental 192 GB - {m} {y}";
                domain = $"{pccName}/host/{host}";
                unit = PccHostRental;
                service = ServiceCategory.Compute;
            }
            else
            {
                description = fr ? $"Hosted Private Cloud - frais de gestion (management fee) - {m}" : $"Hosted Private Cloud - management fee - {m}";
                domain = $"{pccName}/managementfee";
                unit = PccManagementFee;
                // The dashboard files management fees under support, with the other plans and fees.
                service = ServiceCategory.Support;
            }

            category = "autorenew";
        }
        else if (kind < 53)
        {
            var which = r.Next(3);
            (description, unit) = which switch
            {
                0 => (fr ? "Licence Windows Server 2022 Standard - 8 vCPU" : "Windows Server 2022 Standard licence - 8 vCPU", 24.00m),
                1 => (fr ? "Licence cPanel Premier Metal - 1 mois" : "cPanel Premier Metal licence - 1 month", 42.99m),
                _ => (fr ? "Licence SQL Server Standard Edition - 4 cœurs" : "SQL Server Standard Edition licence - 4 cores", 189.00m),
            };
            domain = which == 1 && DedicatedServers.Count > 0 ? DedicatedServers[r.Next(DedicatedServers.Count)].Name : licenceIds[r.Next(licenceIds.Count)];
            category = "autorenew";
            service = ServiceCategory.Licences;
        }
        else if (kind < 59)
        {
            if (r.NextDouble() < 0.5)
            {
                var vm = veeamVms[r.Next(veeamVms.Count)];
                description = fr ? $"Veeam Managed Backup - VM {vm} - {m} {y}" : $"Veeam Managed Backup - VM {vm} - {m} {y}";
                domain = vm;
                unit = 10.00m;
            }
            else
            {
                var s = DedicatedServers.Count > 0 ? DedicatedServers[r.Next(DedicatedServers.Count)].Name : project.Id;
                description = fr ? "Backup Storage 500 Go - espace de sauvegarde" : "Backup Storage 500 GB - backup space";
                domain = s;
                unit = 15.00m;
            }

            category = "autorenew";
            service = ServiceCategory.Backup;
        }
        else if (kind < 62)
        {
            description = fr ? $"Support Business - frais mensuels {m} {y}" : $"Business Support - monthly fee {m} {y}";
            if (r.NextDouble() < 0.4) description = fr ? $"{Capitalize(month.FrenchName)} {y} : Support Business" : $"{month.EnglishName} {y}: Business Support";
            domain = "premium.support." + Nichandle;
            unit = 250.00m;
            category = "autorenew";
            service = ServiceCategory.Support;
        }
        else if (kind < 70)
        {
            var which = r.Next(5);
            switch (which)
            {
                case 0:
                    var ip = ipBlocks[r.Next(ipBlocks.Count)];
                    description = fr ? $"IP Failover - bloc {ip[3..]} - {m}" : $"Additional IP (failover) block {ip[3..]} - {m}";
                    domain = ip;
                    unit = 12.00m;
                    break;
                case 1:
                    var lb = loadBalancers[r.Next(loadBalancers.Count)];
                    description = fr ? $"Load Balancer OVHcloud - {m} {y}" : $"OVHcloud Load Balancer - {m} {y}";
                    domain = lb;
                    unit = LoadBalancerMonthly;
                    break;
                case 2:
                    description = fr ? "vRack - réseau privé - connexion d'un service" : "vRack private network - service attachment";
                    domain = $"pn-{100_000 + Seed % 1000}";
                    unit = 0.00m;
                    break;
                case 3:
                    description = fr ? $"Gateway Public Cloud taille S - {m}" : $"Public Cloud Gateway size S - {m}";
                    domain = project.Id;
                    unit = 2.19m;
                    break;
                default:
                    var s = DedicatedServers.Count > 0 ? DedicatedServers[r.Next(DedicatedServers.Count)].Name : project.Id;
                    description = fr ? "Bande passante supplémentaire 1 Gbit/s - 1 mois" : "Additional bandwidth 1 Gbps - 1 month";
                    domain = s;
                    unit = 99.00m;
                    break;
            }

            category = "autorenew";
            service = ServiceCategory.Network;
        }
        else if (kind < 76)
        {
            var engine = r.Pick(new[] { ("PostgreSQL", "postgresql"), ("MongoDB", "mongodb"), ("MySQL", "mysql") });
            description = fr ? $"Managed Databases {engine.Item1} Business - 2 nœuds - {m} {y}" : $"Managed Databases for {engine.Item1} Business - 2 nodes - {m} {y}";
            domain = project.Id;
            unit = r.Euros(60m, 320m);
            category = "purchase-cloud";
            service = ServiceCategory.Database;
        }
        else if (kind < 82)
        {
            var which = r.Next(3);
            quantity = r.Next(5, 200);
            (description, unit) = which switch
            {
                0 => (fr ? $"AI Training - 1 GPU L4 - {quantity} heures" : $"AI Training - 1 x L4 GPU - {quantity} hours", 1.00m),
                1 => (fr ? $"AI Notebooks - 1 GPU V100S - {quantity} heures" : $"AI Notebooks - 1 x V100S GPU - {quantity} hours", 1.93m),
                _ => (fr ? $"AI Deploy - 1 GPU L40S - {quantity} heures" : $"AI Deploy - 1 x L40S GPU - {quantity} hours", 1.80m),
            };
            domain = project.Id;
            category = "purchase-cloud";
            service = ServiceCategory.AiMl;
        }
        else if (kind < 92)
        {
            var which = r.Next(4);
            var size = r.Next(1, 40) * 50;
            quantity = size;
            (description, unit) = which switch
            {
                0 => (fr ? $"Object Storage - Standard - {size} Go stockés" : $"Object Storage - Standard - {size} GB stored", 0.007m),
                1 => (fr ? $"Volume block storage classic {size} Go" : $"Block Storage volume classic {size} GB", 0.04m),
                2 => (fr ? $"Snapshot de volume - {size} Go" : $"Volume snapshot - {size} GB", 0.01m),
                _ => (fr ? $"Cold Archive - stockage archive {size} Go" : $"Cold Archive storage - {size} GB", 0.002m),
            };
            domain = project.Id;
            category = "purchase-cloud";
            service = ServiceCategory.Storage;
        }
        else if (kind < 97 && Instances.Count > 0)
        {
            var instance = Instances[r.Next(Instances.Count)];
            description = fr ? $"Instance {instance.Flavor.Name} - activation du forfait mensuel ({instance.Region})" : $"Instance {instance.Flavor.Name} - monthly billing activation ({instance.Region})";
            domain = instance.ProjectId;
            unit = instance.Flavor.MonthlyPrice;
            category = "purchase-cloud";
            service = InstanceCategory(instance.Flavor);
        }
        else
        {
            description = fr ? $"Remise commerciale - {m} {y}" : $"Commercial discount - {m} {y}";
            domain = DedicatedServers.Count > 0 ? DedicatedServers[0].Name : project.Id;
            unit = -r.Euros(5m, 50m);
            category = "purchase";
            service = ServiceCategory.Other;
            periodStart = null;
            periodEnd = null;
        }

        var total = decimal.Round(unit * quantity, 2, MidpointRounding.AwayFromZero);
        return (new SimBillLine
        {
            DetailId = detailId,
            Description = description,
            Domain = domain,
            Quantity = quantity,
            UnitPrice = unit,
            TotalPrice = Money.FromDecimal(total),
            PeriodStart = periodStart,
            PeriodEnd = periodEnd,
            ServiceCategory = service,
        }, category);
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];

    private MonthPlan GeneratePlan(BillingMonth month)
    {
        var r = SeededRandom.For(Seed, PlanStream, month.Index);
        var elements = new List<ConsumptionElement>();
        var hoursInMonth = month.Days * 24;
        var fr = r.NextDouble() < 0.6;
        string M() => fr ? month.FrenchName : month.EnglishName;

        foreach (var project in CloudProjects)
        {
            var sid = project.Terms.ServiceId;
            var hourly = InstancesEver.Where(i => i.ProjectId == project.Id && !i.MonthlyBilling && i.RunsIn(month));
            foreach (var group in hourly.GroupBy(i => (i.Flavor.Name, i.Region)).OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Region, StringComparer.Ordinal))
            {
                var flavor = group.First().Flavor;
                var details = group.Select(i =>
                {
                    var hours = i.Created > month.Start || i.Deleted < month.End ? HoursIn(i, month, month.End) : hoursInMonth;
                    if (i.Status != "ACTIVE") hours = Math.Min(hours, r.Next(1, hoursInMonth / 2));
                    return new ConsumptionDetail(i.Id, hours, Money.FromDecimal(decimal.Round(hours * flavor.HourlyPrice, 2, MidpointRounding.AwayFromZero)));
                }).ToList();
                elements.Add(new ConsumptionElement(sid, project.Id, "instance", $"{flavor.Name}.consumption", "hour", group.Key.Region, flavor.Name,
                    fr ? $"Instances {flavor.Name} - consommation à l'heure ({group.Key.Region}) - {M()} {month.Year}"
                       : $"Public Cloud instances {flavor.Name} - hourly consumption ({group.Key.Region}) - {M()} {month.Year}",
                    details));
            }

            var region = project.Regions[0];
            var bucket = Catalog.BucketNames[(int)(sid % Catalog.BucketNames.Length)];
            var gb = 200 + r.Next(0, 4000);
            elements.Add(new ConsumptionElement(sid, project.Id, "storage", "storage-standard.consumption", "GiBh", region, "storage-standard",
                fr ? $"Stockage standard - bucket {bucket} ({region}) - {M()}" : $"Object Storage Standard - bucket {bucket} ({region}) - {M()}",
                [new ConsumptionDetail($"{project.Id}/{region}/{bucket}", (long)gb * hoursInMonth, Money.FromDecimal(decimal.Round(gb * 0.007m, 2)))]));

            var volumeGb = 50 * r.Next(1, 20);
            elements.Add(new ConsumptionElement(sid, project.Id, "volume", "volume.high-speed-gen2.consumption", "GiBh", region, "high-speed-gen2",
                fr ? $"Volume block storage high-speed-gen2 {volumeGb} Go ({region})" : $"Block Storage volume high-speed-gen2 {volumeGb} GB ({region})",
                [new ConsumptionDetail(SeededRandom.For(Seed, 9, (int)(sid % int.MaxValue)).Uuid(), (long)volumeGb * hoursInMonth, Money.FromDecimal(decimal.Round(volumeGb * 0.08m, 2)))]));

            if (Instances.Any(i => i.ProjectId == project.Id))
            {
                var traffic = r.Next(0, 3000);
                elements.Add(new ConsumptionElement(sid, project.Id, "bandwidth", "bandwidth_instance.consumption", "GB", region, "bandwidth",
                    fr ? $"Trafic sortant des instances ({region}) - {M()}" : $"Instance outgoing bandwidth ({region}) - {M()}",
                    [new ConsumptionDetail($"{project.Id}/{region}", traffic, Money.FromDecimal(decimal.Round(traffic * 0.01m, 2)))]));
                var snapGb = r.Next(10, 200);
                elements.Add(new ConsumptionElement(sid, project.Id, "snapshot", "snapshot.consumption", "GiBh", region, "snapshot",
                    fr ? $"Snapshot d'instance - {snapGb} Go ({region})" : $"Instance snapshot - {snapGb} GB ({region})",
                    [new ConsumptionDetail($"{project.Id}/snapshots/{region}", (long)snapGb * hoursInMonth, Money.FromDecimal(decimal.Round(snapGb * 0.01m, 2)))]));
            }

            foreach (var extra in extrasByProject[project.Id])
            {
                elements.Add(ExtraElement(extra, project, sid, region, month, r, fr));
            }
        }

        elements.AddRange(BurstElements(month, fr));
        if (DedicatedServers.Count > 0 && r.NextDouble() < 0.5)
        {
            var server = DedicatedServers[0];
            var gb = r.Next(100, 5000);
            elements.Add(new ConsumptionElement(server.Terms.ServiceId, server.Name, "bandwidth", "traffic-overage.consumption", "GB", server.Region, "traffic",
                fr ? $"Dépassement de trafic - serveur {server.Name} - {M()}" : $"Traffic overage - server {server.Name} - {M()}",
                [new ConsumptionDetail(server.Name, gb, Money.FromDecimal(decimal.Round(gb * 0.01m, 2)))]));
        }

        return new MonthPlan(month, elements);
    }

    /// <summary>Hours an instance ran in the month by <paramref name="now"/>: every hour started is billed.</summary>
    internal static long HoursIn(SimInstance instance, BillingMonth month, DateTimeOffset now)
    {
        var from = instance.Created > month.Start ? instance.Created : month.Start;
        var to = new[] { now, month.End, instance.Deleted ?? month.End }.Min();
        return to <= from ? 0 : (long)Math.Ceiling((to - from).TotalHours);
    }

    private static ConsumptionElement ExtraElement(string extra, SimCloudProject project, long sid, string region, BillingMonth month, Random r, bool fr)
    {
        var hours = month.Days * 24;
        var m = fr ? month.FrenchName : month.EnglishName;
        ConsumptionElement Make(string family, string planCode, string unit, string reference, string text, string uniqueId, long quantity, decimal price) =>
            new(sid, project.Id, family, planCode, unit, region, reference, text,
                [new ConsumptionDetail(uniqueId, quantity, Money.FromDecimal(decimal.Round(price, 2, MidpointRounding.AwayFromZero)))]);

        var id = $"{project.Id[..8]}-{extra}";
        switch (extra)
        {
            case "loadbalancer":
                return Make("octavia-loadbalancer", "octavia-loadbalancer.loadbalancer-s.hour.consumption", "hour", "loadbalancer-s",
                    fr ? $"Load Balancer taille S - {hours} h ({region})" : $"Load Balancer size S - {hours} h ({region})", id, hours, hours * 0.0083m);
            case "gateway":
                return Make("gateway", "gateway.s.hour.consumption", "hour", "gateway-s",
                    fr ? $"Gateway Public Cloud taille S ({region}) - {m}" : $"Public Cloud Gateway size S ({region}) - {m}", id, hours, hours * 0.003m);
            case "ai-training":
                var minutes = r.Next(60, 6000);
                return Make("ai-training", "ai-training.l4-1-gpu.minute.consumption", "minute", "ai1-l4-gpu",
                    fr ? $"AI Training - 1 GPU L4 - {minutes} minutes - {m}" : $"AI Training - 1 x L4 GPU - {minutes} minutes - {m}", id, minutes, minutes * 1.00m / 60);
            case "ai-notebook":
                var nb = r.Next(60, 3000);
                return Make("ai-notebook", "ai-notebook.ai1-1-cpu.minute.consumption", "minute", "ai1-1-cpu",
                    fr ? $"AI Notebooks - 1 CPU - {nb} minutes" : $"AI Notebooks - 1 CPU - {nb} minutes", id, nb, nb * 0.03m / 60);
            case "ai-deploy":
                var dep = r.Next(60, 5000);
                return Make("ai-app", "ai-app.ai1-1-gpu.minute.consumption", "minute", "ai1-1-gpu",
                    fr ? $"AI Deploy - 1 GPU V100S - {dep} minutes" : $"AI Deploy - 1 x V100S GPU - {dep} minutes", id, dep, dep * 1.93m / 60);
            case "postgresql":
                return Make("databases", "databases.postgresql-business-db1-7.hour.consumption", "hour", "postgresql-business-db1-7",
                    fr ? $"Managed Databases PostgreSQL Business db1-7 - 2 nœuds - {m}" : $"Managed Databases for PostgreSQL Business db1-7 - 2 nodes - {m}", id, hours * 2, hours * 2 * 0.122m);
            case "mongodb":
                return Make("databases", "databases.mongodb-production-db2-4.hour.consumption", "hour", "mongodb-production-db2-4",
                    fr ? $"MongoDB managé Production db2-4 - 3 nœuds ({region})" : $"Managed MongoDB Production db2-4 - 3 nodes ({region})", id, hours * 3, hours * 3 * 0.086m);
            case "mysql":
                return Make("databases", "databases.mysql-essential-db1-4.hour.consumption", "hour", "mysql-essential-db1-4",
                    fr ? $"Managed Databases MySQL Essential db1-4 - {m}" : $"Managed Databases for MySQL Essential db1-4 - {m}", id, hours, hours * 0.047m);
            case "registry":
                return Make("registry", "registry.m.hour.consumption", "hour", "registry-m",
                    fr ? $"Managed Private Registry taille M - {m}" : $"Managed Private Registry size M - {m}", id, hours, hours * 0.0416m);
            default:
                var tb = r.Next(1, 50);
                return Make("storage", "storage-coldarchive.consumption", "GiBh", "storage-coldarchive",
                    fr ? $"Stockage archive - Cold Archive - bucket archive-{month.Year} ({tb} To)" : $"Cold Archive storage - bucket archive-{month.Year} ({tb} TB)",
                    $"{project.Id}/RBX/archive-{month.Year}", (long)tb * 1024 * hours, tb * 1024 * 0.002m);
        }
    }

    private void GenerateCredits(BillingMonth firstMonth, DateTimeOffset day)
    {
        var r = SeededRandom.For(Seed, 5);
        long movementId = 5_700_000 + r.Next(10_000);
        var firstProject = CloudProjects[0];
        var recent = SeededRandom.For(Seed, RecentCreditUseStream);
        long recentId = 5_800_000 + recent.Next(10_000);
        SimCreditBalance Balance(string name, string type, decimal initial, string movementType, string sourceId, string sourceName, long? serviceId, int uses,
            DateTimeOffset? expires, int recentUses = 0)
        {
            var created = firstMonth.Start.AddDays(r.Next(1, 20)).AddHours(10);
            // A one-month history starts this month: its credits must still predate the day.
            if (created > day.AddDays(-2)) created = day.AddDays(-2).AddHours(10);
            var movements = new List<SimCreditMovement> { new(++movementId, Money.FromDecimal(initial), created, movementType, sourceId, sourceName, null, null, expires) };
            var remaining = initial;
            var span = Math.Max(1, (int)(day - created).TotalDays);
            for (var i = 0; i < uses && remaining > 1; i++)
            {
                var use = Math.Min(remaining - 1, r.Euros(5m, initial / Math.Max(2, uses)));
                remaining -= use;
                movements.Add(new(++movementId, Money.FromDecimal(-use), created.AddDays(r.Next(1, span)), "USE", sourceId, sourceName,
                    null, 8_001_000_000 + r.Next(1_000_000), null));
            }

            // Uses of the last 30 days, from a stream of their own so that the draws above do not move: the burn rate
            // the cash runway reads.
            for (var i = 0; i < recentUses && remaining > 1; i++)
            {
                var use = Math.Min(remaining - 1, recent.Euros(0.5m, 4m));
                remaining -= use;
                movements.Add(new(++recentId, Money.FromDecimal(-use), day.AddDays(-recent.Next(1, 30)).AddHours(recent.Next(0, 24)), "USE", sourceId, sourceName,
                    null, 8_002_000_000 + recent.Next(1_000_000), null));
            }

            return new SimCreditBalance(name, type, created, serviceId, movements.OrderBy(x => x.CreationDate).ToList());
        }

        CreditBalances.Add(Balance($"VOUCHER_PCI200_{r.Hex(4).ToUpperInvariant()}", "VOUCHER", 200m, "VOUCHER", "VOUCHER-PCI", "Public Cloud starter voucher",
            firstProject.Terms.ServiceId, 4, day.AddDays(r.Next(10, 300)), recentUses: 4));
        CreditBalances.Add(Balance("DEPOSIT", "DEPOSIT", 500m, "MANUAL", "DEPOSIT-1", "Deposit", null, 3, null));
        CreditBalances.Add(Balance("PREPAID_ACCOUNT", "PREPAID_ACCOUNT", 100m, "MANUAL", "PREPAID-1", "Prepaid account", null, 2, null, recentUses: 3));
    }
}
