using FedChain.Node.Network;

namespace FedChain.Node.Tests.Support;

/// <summary>Waits for a condition driven by node events (state changes, rejections), never by sleeping.</summary>
public static class Eventually
{
    public static async Task WaitAsync(IReadOnlyList<NetworkNode> nodes, Func<bool> condition, string what, TimeSpan timeout)
    {
        var changed = new SemaphoreSlim(0);
        void OnChange(object? sender, EventArgs e) => changed.Release();
        foreach (var node in nodes)
        {
            node.StateChanged += OnChange;
            node.Rejected += OnChange;
        }

        try
        {
            using var cts = new CancellationTokenSource(timeout);
            while (!condition())
            {
                try
                {
                    await changed.WaitAsync(cts.Token);
                }
                catch (OperationCanceledException)
                {
                    if (condition()) return;
                    throw new TimeoutException($"timed out after {timeout} waiting for: {what}");
                }
            }
        }
        finally
        {
            foreach (var node in nodes)
            {
                node.StateChanged -= OnChange;
                node.Rejected -= OnChange;
            }
        }
    }
}
