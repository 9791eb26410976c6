using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>Process-wide libtorch settings that determinism depends on (docs/ARCHITECTURE.md, "Determinism").</summary>
public static class TorchRuntime
{
    [ThreadStatic]
    private static bool _threadReady;

    /// <summary>
    /// One intra-op thread, so reductions run in one fixed order and runs repeat bit for bit. The
    /// setting is per calling thread (libtorch's OpenMP backend keeps it per thread), so every thread
    /// that trains or predicts calls this; a thread whose setting was left at the default would split
    /// sums across cores and round differently.
    /// </summary>
    public static void EnsureDeterministic()
    {
        if (_threadReady) return;
        set_num_threads(1);
        _threadReady = true;
    }
}
