namespace OvhCostManager.Core.Classification;

/// <summary>The kind of OVH product a bill line belongs to, decided from its service name (<c>domain</c>).</summary>
/// <remarks>Stored as an integer: append new members, never reorder.</remarks>
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

    /// <summary>A host of a Hosted Private Cloud (<c>pcc-…/host/123</c>, <c>pcc-…/&lt;IPv4&gt;</c>).</summary>
    PrivateCloudHost,

    /// <summary>A datastore of a Hosted Private Cloud (<c>pcc-…/zpool/…</c>, <c>pcc-…/ssd-…</c>).</summary>
    PrivateCloudDatastore,

    /// <summary>Telephony and SMS accounts (<c>sms-…</c>, long numeric billing accounts).</summary>
    Telephony,

    /// <summary>Support contracts billed against a support service name (<c>premium.support.…</c>).</summary>
    Support,

    /// <summary>Logs Data Platform accounts (<c>ldp-…</c>).</summary>
    LogsDataPlatform,
}
