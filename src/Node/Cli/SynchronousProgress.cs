namespace FedChain.Node.Cli;

/// <summary>
/// Reports progress on the caller's thread (Progress&lt;T&gt; posts to the thread pool, which a busy
/// single-threaded benchmark would starve), then refreshes the display.
/// </summary>
internal sealed class SynchronousProgress<T>(Action<T> report, Action refresh) : IProgress<T>
{
    public void Report(T value)
    {
        report(value);
        refresh();
    }
}
