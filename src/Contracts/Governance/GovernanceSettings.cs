using System.Numerics;

namespace FedChain.Contracts.Governance;

/// <summary>The governor's and timelock's current settings (seconds, percent).</summary>
/// <param name="QuorumPercent">Share of all member votes that must vote For, rounded up.</param>
/// <param name="LateQuorumExtension">How long a vote stays open after a quorum reached late.</param>
/// <param name="GracePeriod">How long a passed proposal may wait to be queued, and a queued one to execute.</param>
public sealed record GovernanceSettings(
    long VotingDelay,
    long VotingPeriod,
    BigInteger QuorumPercent,
    long LateQuorumExtension,
    long TimelockDelay,
    long GracePeriod);
