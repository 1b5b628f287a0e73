using Microsoft.EntityFrameworkCore;
using OvhCostManager.Core.Classification;
using OvhCostManager.Core.Data;
using OvhCostManager.Core.Data.Entities;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Labels bill lines at import time: category, resource type, cloud project and GPU from the
/// <see cref="LineClassifier"/>, with the stored inventory taking precedence (<see cref="ResourceResolver"/>).
/// </summary>
/// <remarks>
/// OVH bill rule: a line's <c>domain</c> is the <c>serviceName</c> of the service it bills. When it equals a known
/// dedicated server, VPS, NetApp id or cloud project id, the line maps to that resource exactly:
/// <see cref="BillLine.ResourceKey"/> is the inventory's own spelling of the name.
/// </remarks>
public sealed class LineLabeller
{
    private readonly ResourceResolver resolver;
    private readonly Dictionary<string, string> canonicalNames;

    private LineLabeller(IReadOnlyList<(string Name, ResourceType Type)> inventory, LineClassifier classifier)
    {
        canonicalNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var known = new List<KeyValuePair<string, ResourceType>>();
        foreach (var (name, type) in inventory)
        {
            if (!string.IsNullOrWhiteSpace(name) && canonicalNames.TryAdd(name.Trim(), name.Trim()))
            {
                known.Add(new(name.Trim(), type));
            }
        }

        resolver = new ResourceResolver(known, classifier);
    }

    /// <summary>A labeller over the given known service names (tests, and the CLI's demo).</summary>
    public static LineLabeller For(IReadOnlyList<(string Name, ResourceType Type)> inventory, LineClassifier? classifier = null) =>
        new(inventory, classifier ?? LineClassifier.Shared);

    /// <summary>A labeller over the inventory currently stored (removed cloud projects included: old lines still name them).</summary>
    public static async Task<LineLabeller> FromStoreAsync(IDbContextFactory<CostDbContext> contexts, LineClassifier classifier, CancellationToken cancellationToken)
    {
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var inventory = new List<(string, ResourceType)>();
        inventory.AddRange((await context.DedicatedServers.Select(s => s.Name).ToListAsync(cancellationToken)).Select(n => (n, ResourceType.DedicatedServer)));
        inventory.AddRange((await context.Vps.Select(v => v.Name).ToListAsync(cancellationToken)).Select(n => (n, ResourceType.Vps)));
        inventory.AddRange((await context.NetAppStorages.Select(s => s.Id).ToListAsync(cancellationToken)).Select(n => (n, ResourceType.Storage)));
        inventory.AddRange((await context.CloudProjects.Select(p => p.Id).ToListAsync(cancellationToken)).Select(n => (n, ResourceType.CloudProject)));
        return new LineLabeller(inventory, classifier);
    }

    /// <summary>Sets the classification fields of <paramref name="line"/> from its description and domain.</summary>
    public void Label(BillLine line)
    {
        var labels = resolver.Classify(line.Description, line.Domain);
        line.Category = labels.Category;
        line.ResourceType = labels.ResourceType;
        line.CloudProjectId = labels.CloudProjectId;
        line.IsGpu = labels.IsGpu;
        line.GpuModel = labels.GpuModel;
        line.ResourceKey = canonicalNames.TryGetValue(line.Domain.Trim(), out var name) ? name : null;
    }
}
