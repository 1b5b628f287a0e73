namespace OvhCostManager.Core.Classification;

/// <summary>The kind of OVH product a bill line belongs to, decided from its service name (<c>domain</c>).</summary>
public enum ResourceType
{
    Other = 0,
    CloudProject,
    DedicatedServer,
    Vps,
    Storage,
    PrivateCloud,
    Ip,
    Domain,
    LoadBalancer,
    WebHosting,
    Email,
    Database,
    Licence,
    Backup,
}
