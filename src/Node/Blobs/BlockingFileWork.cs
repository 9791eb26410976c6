using System.Collections.Concurrent;

namespace FedChain.Node.Blobs;

/// <summary>
/// Runs the store's blocking file work (create, write, fsync) on threads of its own, not the thread pool's.
/// An fsync blocks its thread for the disk's latency; run on pool threads, hundreds of downloads finishing at
/// once (a sharded aggregation among 50 nodes) held every pool thread, and the TLS links' read and write loops,
/// which run on the pool, stalled behind them: the disk, not the CPU, set the pace (29 s on disk against
/// 7.6 s on tmpfs for the same run). A few threads keep the disk's queue full without starving anything else.
/// </summary>
internal static class BlockingFileWork
{
    private const int Threads = 8;

    private static readonly BlockingCollection<(Action Work, TaskCompletionSource Done)> Queue = Start();

    /// <summary>Runs <paramref name="work"/> on one of the file threads; the task ends with it (its fault included).</summary>
    public static Task RunAsync(Action work)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Queue.Add((work, done));
        return done.Task;
    }

    private static BlockingCollection<(Action, TaskCompletionSource)> Start()
    {
        var queue = new BlockingCollection<(Action, TaskCompletionSource)>();
        for (var i = 0; i < Threads; i++) new Thread(() => Serve(queue)) { IsBackground = true, Name = $"blob-file-{i}" }.Start();
        return queue;
    }

    private static void Serve(BlockingCollection<(Action Work, TaskCompletionSource Done)> queue)
    {
        foreach (var (work, done) in queue.GetConsumingEnumerable())
        {
            try
            {
                work();
                done.SetResult();
            }
            catch (Exception e)
            {
                done.SetException(e);
            }
        }
    }
}
