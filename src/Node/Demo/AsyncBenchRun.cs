namespace FedChain.Node.Demo;

/// <summary>One consortium run of the bench: its kind and seed, each round's mean per-site accuracy at the wall-clock second the first node held that round's model, and when it first reached the target (null: never).</summary>
public sealed record AsyncBenchRun(string Kind, long Seed, int Rounds, IReadOnlyList<double> Seconds, IReadOnlyList<double> Accuracy, double? SecondsToTarget, string FinalModelHash);
