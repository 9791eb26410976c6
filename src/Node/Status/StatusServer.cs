using System.Text.Json;
using FedChain.Node.Agent;
using FedChain.Node.Discovery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.Status;

/// <summary>
/// Serves the node's status over HTTP (Kestrel): "/" a page, "/status.json" the same as data,
/// "/metrics" in Prometheus' text format. Bound to the config's statusListen (loopback by default),
/// and the bound URL is written to state/status.url for `fedchain status --config`.
/// </summary>
public sealed class StatusServer(NodeConfig config, StatusBoard board, ILogger<StatusServer> logger) : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public const string UrlFile = "status.url";

    /// <summary>The base URL the server listens on, once started.</summary>
    public string? Url { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (config.StatusListen is not { } listen) return;
        var endpoint = await PeerEndpoint.ResolveAsync(listen, "statusListen", cancellationToken);
        var metrics = new NodeMetrics(board.Snapshot);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(endpoint));
        _app = builder.Build();
        _app.MapGet("/", () => Results.Content(StatusPage.Render(board.Snapshot()), "text/html; charset=utf-8"));
        _app.MapGet("/status.json", () => Results.Text(JsonSerializer.Serialize(board.Snapshot(), StatusReporter.Json), "application/json"));
        _app.MapGet("/metrics", async (HttpContext context) =>
        {
            context.Response.ContentType = "text/plain; version=0.0.4; charset=utf-8";
            await metrics.Registry.CollectAndExportAsTextAsync(context.Response.Body, context.RequestAborted);
        });
        await _app.StartAsync(cancellationToken);
        Url = _app.Urls.First().Replace("[::]", "127.0.0.1", StringComparison.Ordinal);
        var state = config.Resolve(config.StateDirectory);
        Directory.CreateDirectory(state);
        await File.WriteAllTextAsync(Path.Combine(state, UrlFile), Url + "\n", cancellationToken);
        Log.StatusServing(logger, Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null) await _app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }
}
