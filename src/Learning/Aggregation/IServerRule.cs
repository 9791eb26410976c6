namespace FedChain.Learning.Aggregation;

/// <summary>
/// Turns the round's aggregate into the next global model. Implementations are plain scalar C#
/// (double arithmetic per coordinate, fixed index order, no SIMD, no parallel loops), so every node
/// computes the same bits (docs/ARCHITECTURE.md, "Determinism").
/// </summary>
public interface IServerRule
{
    /// <param name="members">Members of the plan (N); SCAFFOLD scales the control step by participants / N.</param>
    (float[] Global, ServerState State) Apply(float[] global, AggregatedUpdate update, ServerState state, int members);
}
