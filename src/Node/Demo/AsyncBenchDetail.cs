namespace FedChain.Node.Demo;

/// <summary>detail.json of `fedchain bench async`: the set-up and every run.</summary>
/// <param name="SlowSite">The hospital whose node trains <paramref name="Slowdown"/> times as long.</param>
/// <param name="SimulatedSyncFinal">Per seed, synchronous training's final mean per-site accuracy in `fedchain simulate` (the target is 95% of their lowest).</param>
public sealed record AsyncBenchDetail(AsyncBenchResult Result, string SlowSite, double Slowdown, int Buffer, int SyncRounds, int AsyncWindows,
    IReadOnlyList<double> SimulatedSyncFinal, IReadOnlyList<AsyncBenchRun> Runs);
