using static TorchSharp.torch;

namespace FedChain.Learning.Models;

/// <summary>Process-wide libtorch settings that determinism depends on (docs/ARCHITECTURE.md, "Determinism").</summary>
public static class TorchRuntime
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    /// <summary>One intra-op thread, so reductions run in one fixed order and runs repeat bit for bit.</summary>
    public static void EnsureDeterministic()
    {
        lock (Gate)
        {
            if (_ready) return;
            set_num_threads(1);
            _ready = true;
        }
    }
}
