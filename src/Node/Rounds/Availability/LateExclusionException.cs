namespace FedChain.Node.Rounds.Availability;

/// <summary>
/// The chain voted a blob out of a round after this node had aggregated it (it held the blob while a
/// quorum did not). The node's aggregates from that round on are not the chain's: it replays the plan
/// from its blobs with the chain's sets, as after a restart.
/// </summary>
public sealed class LateExclusionException(int round, string member)
    : Exception($"round {round}: the chain voted out member {member}'s blob after this node aggregated it")
{
    public int Round { get; } = round;

    public string Member { get; } = member;
}
