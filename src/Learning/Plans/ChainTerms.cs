using System.Text.Json.Serialization;

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
/// <param name="RewardPool">Reward-token units the plan may ever mint, shared by net contribution (0: no rewards).</param>
/// <param name="MinParticipants">Fewer participants than this at the end of enrolment cancel the plan (at least 2).</param>
/// <param name="MaxSamplesPerMember">The largest sample count a member may commit in a round (the chain refuses more).</param>
/// <param name="AvailabilityWindowSeconds">After a round closes, how long its blobs have to reach a quorum before they can be excluded (null: a quarter of the commit window).</param>
/// <param name="SettlementWindowSeconds">After the plan completes, how long rewards wait to be settled (null: two commit windows).</param>
public sealed record ChainTerms(
    uint CommitWindowSeconds = 60,
    uint EnrolmentWindowSeconds = 600,
    int QuorumPercent = 51,
    int ScoresLag = 2,
    long RewardPool = 0,
    int MinParticipants = 2,
    long MaxSamplesPerMember = 1_000_000,
    uint? AvailabilityWindowSeconds = null,
    uint? SettlementWindowSeconds = null)
{
    /// <summary>The availability window the chain gets: as given, else a quarter of the commit window (at least 1 s, less than the window).</summary>
    [JsonIgnore]
    public uint AvailabilityWindow => AvailabilityWindowSeconds ?? Math.Clamp(CommitWindowSeconds / 4, 1, Math.Max(1, CommitWindowSeconds - 1));

    [JsonIgnore]
    public uint SettlementWindow => SettlementWindowSeconds ?? 2 * CommitWindowSeconds;

    public static ChainTerms Default { get; } = new();

    /// <summary>Throws naming the field when the chain would refuse the terms.</summary>
    public void Validate()
    {
        if (CommitWindowSeconds is < 1 or > 30 * 86_400) throw new ArgumentException($"plan chain commitWindowSeconds must be 1..2592000, got {CommitWindowSeconds}");
        if (EnrolmentWindowSeconds is < 1 or > 30 * 86_400) throw new ArgumentException($"plan chain enrolmentWindowSeconds must be 1..2592000, got {EnrolmentWindowSeconds}");
        // Above 50 so two different hashes can never both reach a quorum.
        if (QuorumPercent is < 51 or > 100) throw new ArgumentException($"plan chain quorumPercent must be 51..100, got {QuorumPercent}");
        if (ScoresLag is < 1 or > 2) throw new ArgumentException($"plan chain scoresLag must be 1 or 2, got {ScoresLag}");
        if (RewardPool < 0) throw new ArgumentException($"plan chain rewardPool must not be negative, got {RewardPool}");
        if (MinParticipants is < 2 or > 255) throw new ArgumentException($"plan chain minParticipants must be 2..255, got {MinParticipants}");
        if (MaxSamplesPerMember < 1) throw new ArgumentException($"plan chain maxSamplesPerMember must be at least 1, got {MaxSamplesPerMember}");
    }
}
