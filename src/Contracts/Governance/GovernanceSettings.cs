namespace FedChain.Contracts.Governance;

/// <summary>The governance parameters a settings proposal changes; null leaves one as it is.</summary>
/// <param name="VotingDelaySeconds">Seconds from a proposal to the opening of its vote.</param>
/// <param name="VotingPeriodSeconds">Seconds a vote stays open.</param>
/// <param name="QuorumPercent">Share of all member votes a proposal needs, rounded up.</param>
public sealed record GovernanceSettings(ulong? VotingDelaySeconds = null, uint? VotingPeriodSeconds = null, int? QuorumPercent = null)
{
    public bool IsEmpty => VotingDelaySeconds is null && VotingPeriodSeconds is null && QuorumPercent is null;
}
