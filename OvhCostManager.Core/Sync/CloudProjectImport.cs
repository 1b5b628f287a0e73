using OvhCostManager.Core.Data;
using OvhCostManager.Core.Ovh;
using OvhCostManager.Core.Ovh.Models;
using CloudProjectEntity = OvhCostManager.Core.Data.Entities.CloudProject;

namespace OvhCostManager.Core.Sync;

/// <summary>
/// Public Cloud projects, from their listing alone; vanished projects are kept as removed (old bill lines name them).
/// Their instances, quotas and usage are <see cref="CloudDetailsImport"/>'s.
/// </summary>
internal sealed class CloudProjectImport(IOvhApi ovh, InventoryStore inventory) : InventoryFamily<CloudProject, CloudProjectEntity>("cloud projects")
{
    protected override Task<IReadOnlyList<CloudProject>> ListAsync(CancellationToken cancellationToken) => ovh.ListCloudProjectsAsync(cancellationToken);

    protected override Task<CloudProjectEntity> ReadAsync(SyncRunRecorder run, CloudProject project, ServiceRenewals renewals,
        IReadOnlyDictionary<string, CloudProjectEntity> previous, CancellationToken cancellationToken) =>
        Task.FromResult(new CloudProjectEntity
        {
            Id = project.ProjectId,
            Name = project.DisplayName,
            Description = project.Description,
            Status = project.Status,
            PlanCode = project.PlanCode,
            CreatedAtUtc = project.CreationDate == default ? null : project.CreationDate.ToUniversalTime(),
        });

    protected override Task StoreAsync(IReadOnlyList<CloudProjectEntity> rows, CancellationToken cancellationToken) => inventory.ReplaceCloudProjectsAsync(rows, cancellationToken);
}
