using FedChain.Learning.Asynchronous;

namespace FedChain.Learning.Simulation;

/// <summary>How <see cref="FederatedSimulation"/> runs a plan.</summary>
/// <param name="Quantised">True (default): quantise, sum mod 2^32, dequantise, exactly as the network does.
/// False: the float path (<see cref="Aggregation.RoundAggregation.ApplyFloatSum"/>; synchronous plans only).</param>
/// <param name="EvaluateEveryRound">Evaluate the global model on every test split after each round (else only after the last).</param>
/// <param name="Slow">An asynchronous plan: the site whose training takes longer on the virtual clock (null: every site alike).</param>
/// <param name="Arrivals">An asynchronous plan: the arrival windows to replay (a node run's, read from the chain); null: <see cref="SimulatedArrivals"/>' schedule.</param>
public sealed record SimulationOptions(bool Quantised = true, bool EvaluateEveryRound = true, SlowSite? Slow = null, ArrivalSchedule? Arrivals = null);
