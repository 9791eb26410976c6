using FedChain.Learning.Asynchronous;

namespace FedChain.Learning.Simulation;

/// <summary>What <c>fedchain simulate</c> writes: the plan's hash, every round, and the final model with its hash.</summary>
/// <param name="Arrivals">Which site's update landed in which round (synchronous: every site in every round).</param>
public sealed record SimulationResult(
    string PlanHash,
    bool Quantised,
    IReadOnlyList<string> Sites,
    IReadOnlyList<SimulatedRound> Rounds,
    float[] FinalParameters,
    string FinalModelHash,
    ArrivalSchedule? Arrivals = null);
