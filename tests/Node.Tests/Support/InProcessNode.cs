using FedChain.Node.Agent;
using FedChain.Node.Blobs;
using FedChain.Node.Demo;
using FedChain.Node.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace FedChain.Node.Tests.Support;

/// <summary>One member's node on the generic host `fedchain node` builds, in the test process, its status lines in <see cref="Status"/>.</summary>
internal sealed class InProcessNode(ConsortiumMember member) : IAsyncDisposable
{
    private IHost? _host;

    public ConsortiumMember Member { get; } = member;

    public StatusGate Status { get; private set; } = new();

    /// <summary>The host's run; completes when the node exits (it does once its plans are done) or is stopped.</summary>
    public Task Running { get; private set; } = Task.CompletedTask;

    /// <summary>
    /// Completes, with what went wrong, if the host fails or the node reports an error; never when it
    /// exits once its plans are done or the test stops it. Waits race it, so a dead node fails the test at once.
    /// </summary>
    public Task<string> Failed { get; private set; } = new TaskCompletionSource<string>().Task;

    /// <summary>Builds and starts the host from the member's node.json (again after <see cref="StopAsync"/>: a restart on the same state).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (_host is not null) await DisposeHostAsync();
        Status = new StatusGate();
        _host = await NodeHost.BuildAsync(NodeConfig.Load(Member.ConfigFile), statusLines: true, exitWhenDone: true, ct, Status);
        Running = _host.RunAsync(ct);
        Failed = FailureOf(Running, Status);
    }

    private async Task<string> FailureOf(Task running, StatusGate status)
    {
        var error = status.WaitAsync(s => s.Event == "error", CancellationToken.None);
        var ended = await Task.WhenAny(running, error);
        if (ended == error) return $"{Member.Site}'s node reported an error: {(await error).Detail}";
        if (running.Exception is { } e) return $"{Member.Site}'s node host failed: {e.InnerException ?? e}";
        await new TaskCompletionSource().Task; // a clean exit is not a failure
        return "";
    }

    /// <summary>Stops the host; a runner held on <paramref name="held"/> then ends there, as if the node had crashed on that line.</summary>
    public async Task StopAsync(StatusHold? held, CancellationToken ct)
    {
        await _host!.StopAsync(ct);
        held?.Abort();
        await Running.WaitAsync(ct);
    }

    /// <summary>Waits until this node's blob store holds a blob that matches, checking each newly stored one.</summary>
    public async Task WaitForBlobAsync(Func<byte[], bool> match, CancellationToken ct)
    {
        var network = _host!.Services.GetRequiredService<NetworkNode>();
        var seen = new HashSet<string>();
        while (true)
        {
            var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            void OnStored(object? sender, BlobInfo blob) => stored.TrySetResult();
            network.Store.Stored += OnStored;
            try
            {
                foreach (var blob in network.Store.List().Where(b => seen.Add(b.Id.ToString())))
                {
                    if (match(await network.ReadBlobAsync(blob.Id, ct))) return;
                }

                await stored.Task.WaitAsync(ct);
            }
            finally
            {
                network.Store.Stored -= OnStored;
            }
        }
    }

    private async Task DisposeHostAsync()
    {
        if (_host is IAsyncDisposable host) await host.DisposeAsync();
        else _host?.Dispose();
        _host = null;
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is null) return;
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        try
        {
            await _host.StopAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // disposing below stops what is left
        }

        await DisposeHostAsync();
    }
}
