namespace FedChain.Learning.SecureAggregation;

/// <summary>What one member's step of a round cost: compute time and the bytes it sent, encoded.</summary>
public sealed record SecAggStepCost(int Slot, string Step, TimeSpan Elapsed, long BytesSent);
