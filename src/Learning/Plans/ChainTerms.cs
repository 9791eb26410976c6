namespace FedChain.Learning.Plans;

/// <summary>
/// The terms the chain enforces for a plan, written into the plan document so that the people who
/// review and vote on it see them, and so that the start-plan proposal is built from the document
/// alone (<c>PlanProposal</c> in the node). A plan without this section gets
/// <see cref="Default"/> when it is proposed.
/// </summary>
/// <param name="CommitWindowSeconds">Seconds each round accepts commits before it closes with whoever committed.</param>
/// <param name="EnrolmentWindowSeconds">Seconds the invited members have to opt in.</param>
/// <param name="QuorumPercent">Share of participants whose votes agree an aggregate or a score vector (51..100).</param>
/// <param name="ScoresLag">A commit for round r carries the score vote for round r - lag (1 or 2).</param>
/// <param name="RewardPerScore">Reward-token base units minted per 1.0 of positive contribution score (0: no rewards).</param>
public sealed record ChainTerms(
    uint CommitWindowSeconds = 60,
    uint EnrolmentWindowSeconds = 600,
    int QuorumPercent = 51,
    int ScoresLag = 2,
    long RewardPerScore = 0)
{
    public static ChainTerms Default { get; } = new();

    /// <summary>Throws naming the field when the chain would refuse the terms.</summary>
    public void Validate()
    {
        if (CommitWindowSeconds is < 1 or > 30 * 86_400) throw new ArgumentException($"plan chain commitWindowSeconds must be 1..2592000, got {CommitWindowSeconds}");
        if (EnrolmentWindowSeconds is < 1 or > 30 * 86_400) throw new ArgumentException($"plan chain enrolmentWindowSeconds must be 1..2592000, got {EnrolmentWindowSeconds}");
        // Above 50 so two different hashes can never both reach a quorum.
        if (QuorumPercent is < 51 or > 100) throw new ArgumentException($"plan chain quorumPercent must be 51..100, got {QuorumPercent}");
        if (ScoresLag is < 1 or > 2) throw new ArgumentException($"plan chain scoresLag must be 1 or 2, got {ScoresLag}");
        if (RewardPerScore < 0) throw new ArgumentException($"plan chain rewardPerScore must not be negative, got {RewardPerScore}");
    }
}
