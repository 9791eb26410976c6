namespace FedChain.Learning.Simulation;

/// <summary>How <see cref="FederatedSimulation"/> runs a plan.</summary>
/// <param name="Quantised">True (default): quantise, sum mod 2^32, dequantise, exactly as the network does.
/// False: the float path (<see cref="Aggregation.RoundAggregation.ApplyFloatSum"/>).</param>
/// <param name="EvaluateEveryRound">Evaluate the global model on every test split after each round (else only after the last).</param>
public sealed record SimulationOptions(bool Quantised = true, bool EvaluateEveryRound = true);
