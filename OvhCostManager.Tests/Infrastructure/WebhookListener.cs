using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace OvhCostManager.Tests.Infrastructure;

/// <summary>A real HTTP endpoint (Kestrel on a free loopback port) standing in for a Slack / Mattermost / Teams incoming webhook.</summary>
public sealed class WebhookListener : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookListener(WebApplication app, string url)
    {
        this.app = app;
        Url = url;
    }

    public string Url { get; }

    /// <summary>The answer to every POST; 200 unless a test sets another.</summary>
    public int StatusCode { get; set; } = StatusCodes.Status200OK;

    /// <summary>Every POST received (content type, body), in order, whatever was answered.</summary>
    public ConcurrentQueue<(string? ContentType, string Body)> Received { get; } = new();

    public static async Task<WebhookListener> StartAsync()
    {
        var port = FreePort.Next();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var listener = new WebhookListener(app, $"http://127.0.0.1:{port}/hooks/alerts");
        app.MapPost("/hooks/alerts", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            listener.Received.Enqueue((request.ContentType, await reader.ReadToEndAsync()));
            return Results.StatusCode(listener.StatusCode);
        });
        await app.StartAsync();
        return listener;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
