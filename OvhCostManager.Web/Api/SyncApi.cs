using Microsoft.AspNetCore.Mvc;
using OvhCostManager.Core.Sync;

namespace OvhCostManager.Web.Api;

/// <summary><c>POST /api/sync</c> (mapped on the rate-limited, authenticated <c>/api</c> group): starts a consumption sync now; 202 when it started, 409 when a sync is already running.</summary>
public static class SyncApi
{
    public sealed record SyncStartResponse(bool Started, string Message);

    public static RouteGroupBuilder MapSyncApi(this RouteGroupBuilder api)
    {
        api.MapPost("/sync", ([FromServices] SyncCoordinator coordinator, IHostApplicationLifetime lifetime) =>
            coordinator.TryStartNow(SyncRequest.Consumption("api"), lifetime.ApplicationStopping)
                ? Results.Json(new SyncStartResponse(true, "Consumption sync started."), statusCode: StatusCodes.Status202Accepted)
                : Results.Json(new SyncStartResponse(false, "A sync is already running; try again when it has finished."), statusCode: StatusCodes.Status409Conflict));
        return api;
    }
}
