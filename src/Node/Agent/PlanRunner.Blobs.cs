using FedChain.Node.Blobs;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    /// <summary>
    /// Waits for blobs that replicate on their own (utility reports, secure-aggregation messages): runs
    /// <paramref name="scan"/> over the store, and again after each newly stored blob, until
    /// <paramref name="done"/> holds (true) or <paramref name="wait"/> has passed (false).
    /// </summary>
    private async Task<bool> WaitOnStoredBlobsAsync(Func<CancellationToken, Task> scan, Func<bool> done, TimeSpan wait, CancellationToken ct)
    {
        var until = node.Time.GetUtcNow() + wait;
        while (true)
        {
            var stored = NextStoredAsync();
            await scan(ct);
            if (done()) return true;
            var left = until - node.Time.GetUtcNow();
            if (left <= TimeSpan.Zero) return false;
            await Task.WhenAny(stored, Task.Delay(left, node.Time, ct));
            ct.ThrowIfCancellationRequested();
        }
    }

    /// <summary>Completes when the blob store stores another blob.</summary>
    private Task NextStoredAsync()
    {
        var stored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnStored(object? sender, BlobInfo blob)
        {
            stored.TrySetResult();
            node.Network.Store.Stored -= OnStored;
        }

        node.Network.Store.Stored += OnStored;
        return stored.Task;
    }
}
