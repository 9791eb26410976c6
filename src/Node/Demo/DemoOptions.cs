namespace FedChain.Node.Demo;

/// <summary>What `fedchain demo` runs.</summary>
/// <param name="Out">Report, plan, node folders and logs go here.</param>
/// <param name="Rounds">Training rounds (the chain schedules one more: round 0 exchanges moments).</param>
/// <param name="CommitWindowSeconds">How long a round waits for commits before it closes with whoever committed.</param>
/// <param name="DataFolder">The dataset's folder (default: data/&lt;dataset&gt; above the working directory).</param>
/// <param name="DpEpsilon">With a value, every hospital trains with DP-SGD under this epsilon budget (null: no DP).</param>
/// <param name="DpDelta">The delta of the DP budget; only with <paramref name="DpEpsilon"/> (default 1e-5).</param>
/// <param name="SecureAggregation">Mask every update with secure aggregation (any all-but-one of the institutions unmask the sum): members see only the sum.</param>
/// <param name="VotingPeriodSeconds">How long each governance vote stays open, in real seconds (the voting delay is 1 s).</param>
/// <param name="Dataset">Which consortium: one of <see cref="Datasets.ConsortiumDataset.Names"/>, one node process per institution.</param>
public sealed record DemoOptions(string Out, int Rounds, uint CommitWindowSeconds, long Seed, string? DataFolder, double? DpEpsilon = null, double? DpDelta = null,
    bool SecureAggregation = false, uint VotingPeriodSeconds = 10, string Dataset = "heart-disease")
{
    public DemoOptions Validate()
    {
        if (Rounds is < 1 or > 1000) throw new ArgumentException($"--rounds must be 1..1000, got {Rounds}");
        if (CommitWindowSeconds is < 5 or > 86_400) throw new ArgumentException($"--commit-window must be 5..86400 seconds, got {CommitWindowSeconds}");
        if (DpEpsilon is { } e && (!(e > 0) || !double.IsFinite(e))) throw new ArgumentException($"--dp-epsilon must be a positive number, got {e}");
        if (DpDelta is not null && DpEpsilon is null) throw new ArgumentException("--dp-delta needs --dp-epsilon");
        if (DpDelta is { } d && !(d is > 0 and < 1)) throw new ArgumentException($"--dp-delta must lie in (0, 1), got {d}");
        if (!Datasets.ConsortiumDataset.Names.Contains(Dataset)) throw new ArgumentException($"--dataset must be one of {string.Join(", ", Datasets.ConsortiumDataset.Names)}, got '{Dataset}'");
        // The demo's DP-SGD settings (clip norm, batch) were chosen on heart disease (docs/privacy.md); other datasets have no such benchmark.
        if (Dataset != Datasets.ConsortiumDataset.Default && DpEpsilon is not null)
            throw new ArgumentException($"--dp-epsilon is set up for {Datasets.ConsortiumDataset.Default} only (its clip norm was chosen there), not '{Dataset}'");
        if (VotingPeriodSeconds is < 2 or > 3600) throw new ArgumentException($"--voting-period must be 2..3600 seconds, got {VotingPeriodSeconds}");
        return this;
    }
}
