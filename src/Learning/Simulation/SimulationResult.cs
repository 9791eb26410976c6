namespace FedChain.Learning.Simulation;

/// <summary>What <c>fedchain simulate</c> writes: the plan's hash, every round, and the final model with its hash.</summary>
public sealed record SimulationResult(
    string PlanHash,
    bool Quantised,
    IReadOnlyList<string> Sites,
    IReadOnlyList<SimulatedRound> Rounds,
    float[] FinalParameters,
    string FinalModelHash);
