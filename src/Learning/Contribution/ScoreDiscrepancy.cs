namespace FedChain.Learning.Contribution;

/// <summary>One place where a recorded round disagrees with the recomputed one, named by round and member.</summary>
/// <param name="Field">"member" or "score".</param>
public sealed record ScoreDiscrepancy(int Round, int Position, string Member, string Field, string Recorded, string Recomputed)
{
    public override string ToString() => $"round {Round}, member {Member} (position {Position}): recorded {Field} {Recorded}, recomputed {Recomputed}";
}
