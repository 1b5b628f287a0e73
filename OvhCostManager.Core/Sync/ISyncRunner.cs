namespace OvhCostManager.Core.Sync;

/// <summary>Runs one import against OVH and records it as a <c>SyncRun</c>. Callers go through <see cref="SyncCoordinator"/>.</summary>
public interface ISyncRunner
{
    Task<SyncOutcome> RunAsync(SyncRequest request, IProgress<SyncProgress> progress, CancellationToken cancellationToken);
}
