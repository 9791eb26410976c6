using System.Numerics;

namespace FedChain.Contracts.Deployment;

/// <summary>Governance settings fixed at deployment, and how much the deployer funds each founder.</summary>
public sealed class DeploymentOptions
{
    /// <summary>Seconds between a proposal and the start of its vote. Default 1 (anvil demo);
    /// a production consortium would use hours.</summary>
    public uint VotingDelaySeconds { get; set; } = 1;

    /// <summary>Seconds a vote stays open. Default 60; on anvil <c>AnvilControl.IncreaseTimeAsync</c>
    /// skips it, elsewhere members have this long to vote.</summary>
    public uint VotingPeriodSeconds { get; set; } = 60;

    /// <summary>Share of all member votes that must take part for a proposal to pass, rounded up. Default 51.</summary>
    public byte GovernanceQuorumPercent { get; set; } = 51;

    /// <summary>Wei the deployer sends to each founder that holds less. Default 0 (no funding);
    /// <c>chain up</c> sends 100 ether from an anvil dev account.</summary>
    public BigInteger FundFoundersWei { get; set; } = BigInteger.Zero;

    public DeploymentOptions Validate()
    {
        if (VotingPeriodSeconds == 0) throw new ArgumentOutOfRangeException(nameof(VotingPeriodSeconds), VotingPeriodSeconds, "must be positive");
        if (GovernanceQuorumPercent is 0 or > 100) throw new ArgumentOutOfRangeException(nameof(GovernanceQuorumPercent), GovernanceQuorumPercent, "must be within 1..100");
        if (FundFoundersWei < 0) throw new ArgumentOutOfRangeException(nameof(FundFoundersWei), FundFoundersWei, "must not be negative");
        return this;
    }
}
