namespace OvhCostManager.Core.Classification;

/// <summary>
/// Classifies bill lines with the account's inventory taking precedence over name-shape rules.
/// </summary>
/// <remarks>
/// OVH bill rule: a bill line's <c>domain</c> is the <c>serviceName</c> of the service it bills (dedicated server
/// name, VPS name, NetApp id, cloud project id). OVH exposes no other join, so a line maps to an inventory resource
/// exactly when its <c>domain</c> equals a known service name (compared without regard to case, as OVH service
/// names are host names or hex ids) — never by prefix or substring (<c>pcc-…/host/12</c> is not <c>pcc-…</c>).
/// A line whose service is a known cloud project gets that project's id even if it did not look like one.
/// </remarks>
public sealed class ResourceResolver
{
    private readonly LineClassifier _classifier;
    private readonly Dictionary<string, ResourceType> _inventory;

    /// <param name="inventory">Known service names (from the synced servers, VPS, NetApp volumes, cloud projects) and their type.</param>
    /// <param name="classifier">The classifier for everything else; <see cref="LineClassifier.Shared"/> when null.</param>
    public ResourceResolver(IEnumerable<KeyValuePair<string, ResourceType>> inventory, LineClassifier? classifier = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        _classifier = classifier ?? LineClassifier.Shared;
        _inventory = new Dictionary<string, ResourceType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (serviceName, type) in inventory)
        {
            if (string.IsNullOrWhiteSpace(serviceName))
            {
                throw new ArgumentException("An inventory service name is empty; every synced resource must have its OVH serviceName.", nameof(inventory));
            }

            var key = serviceName.Trim();
            if (_inventory.TryGetValue(key, out var existing) && existing != type)
            {
                throw new ArgumentException($"Inventory service name '{key}' is listed as both {existing} and {type}.", nameof(inventory));
            }

            _inventory[key] = type;
        }
    }

    /// <summary>The number of known service names.</summary>
    public int KnownServiceCount => _inventory.Count;

    /// <summary>The inventory type of <paramref name="serviceName"/>, when it is exactly a known service name.</summary>
    public bool TryGetInventoryType(string? serviceName, out ResourceType resourceType)
    {
        resourceType = ResourceType.Other;
        return !string.IsNullOrWhiteSpace(serviceName) && _inventory.TryGetValue(serviceName.Trim(), out resourceType);
    }

    /// <summary>Classifies a line; the resource type (and cloud project) come from the inventory when the service is known.</summary>
    public LineClassification Classify(string? description, string? serviceName)
    {
        var line = _classifier.Classify(description, serviceName);
        if (!TryGetInventoryType(serviceName, out var known))
        {
            return line;
        }

        var projectId = known == ResourceType.CloudProject ? serviceName!.Trim().ToLowerInvariant() : line.CloudProjectId;
        return line with { ResourceType = known, CloudProjectId = projectId };
    }
}
