namespace FedChain.Contracts.Deployment;

/// <summary>
/// The lowest values governance may ever set, fixed at deployment (immutable in the contracts). Each is
/// bounded below by the contracts' own constants, which are the defaults here: voting delay 1 s, voting
/// period 10 s, quorum 51 %, late-quorum extension 1 s, timelock delay 1 s. A production consortium
/// raises them (hours, days) so that no vote, not even a unanimous one, can shorten them.
/// </summary>
public sealed record GovernanceFloors
{
    /// <summary>ConsortiumGovernor.MIN_VOTING_DELAY, MIN_VOTING_PERIOD, MIN_QUORUM_PERCENT, MIN_VOTE_EXTENSION; ConsortiumTimelock.MIN_DELAY_FLOOR.</summary>
    public static GovernanceFloors Lowest { get; } = new();

    public uint VotingDelaySeconds { get; init; } = 1;

    public uint VotingPeriodSeconds { get; init; } = 10;

    public byte QuorumPercent { get; init; } = 51;

    public uint LateQuorumExtensionSeconds { get; init; } = 1;

    public uint TimelockDelaySeconds { get; init; } = 1;

    public GovernanceFloors Validate()
    {
        AtLeast(nameof(VotingDelaySeconds), VotingDelaySeconds, Lowest.VotingDelaySeconds);
        AtLeast(nameof(VotingPeriodSeconds), VotingPeriodSeconds, Lowest.VotingPeriodSeconds);
        AtLeast(nameof(QuorumPercent), QuorumPercent, Lowest.QuorumPercent);
        if (QuorumPercent > 100) throw new ArgumentOutOfRangeException(nameof(QuorumPercent), QuorumPercent, "a quorum floor cannot exceed 100 %");
        AtLeast(nameof(LateQuorumExtensionSeconds), LateQuorumExtensionSeconds, Lowest.LateQuorumExtensionSeconds);
        AtLeast(nameof(TimelockDelaySeconds), TimelockDelaySeconds, Lowest.TimelockDelaySeconds);
        return this;
    }

    internal static void AtLeast(string name, long value, long floor)
    {
        if (value < floor) throw new ArgumentOutOfRangeException(name, value, $"must be at least {floor}");
    }
}
