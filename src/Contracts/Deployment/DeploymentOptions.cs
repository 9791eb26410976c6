using System.Numerics;
using Nethereum.Util;

namespace FedChain.Contracts.Deployment;

/// <summary>
/// Governance settings fixed at deployment (each within its <see cref="Floors"/>), the ledger's
/// defaults, and how much the deployer funds each founder. Defaults suit an anvil demo; a production
/// consortium uses hours or days for the delays, and raises the floors.
/// </summary>
public sealed class DeploymentOptions
{
    /// <summary>Seconds between a proposal and the start of its vote. Default 1.</summary>
    public uint VotingDelaySeconds { get; set; } = 1;

    /// <summary>Seconds a vote stays open. Default 60; on anvil <c>AnvilGovernance</c> skips it,
    /// elsewhere members have this long to vote.</summary>
    public uint VotingPeriodSeconds { get; set; } = 60;

    /// <summary>Share of all member votes that must vote For a proposal to pass, rounded up. Default 51
    /// (the floor: above half, so two conflicting proposals never both pass).</summary>
    public byte GovernanceQuorumPercent { get; set; } = 51;

    /// <summary>Seconds a vote stays open after a quorum reached late (GovernorPreventLateQuorum),
    /// at most <see cref="VotingPeriodSeconds"/>. Default 1.</summary>
    public uint LateQuorumExtensionSeconds { get; set; } = 1;

    /// <summary>Seconds a passed, queued proposal waits in the timelock before it can execute. Default 1.</summary>
    public uint TimelockDelaySeconds { get; set; } = 1;

    /// <summary>Seconds a passed proposal may wait to be queued, and a queued one to be executed, before it
    /// expires. Default 3600; at least 10 (ConsortiumTimelock.MIN_GRACE_PERIOD).</summary>
    public uint GracePeriodSeconds { get; set; } = 3600;

    /// <summary>Accounts that may cancel a queued proposal (a veto, nothing else). Default none.</summary>
    public IReadOnlyList<string> Guardians { get; set; } = [];

    /// <summary>The lowest values governance may ever set. Default: the contracts' own constants.</summary>
    public GovernanceFloors Floors { get; set; } = GovernanceFloors.Lowest;

    /// <summary>Every member's lifetime epsilon budget (micro) on a dataset governance set none for.
    /// Default 100,000,000 (epsilon 100: room for many demo plans; a real consortium sets one per dataset).</summary>
    public ulong DefaultLifetimeBudgetMicro { get; set; } = 100_000_000;

    /// <summary>The largest reward pool a plan may start with. Default 2^128 - 1 (the pool each plan names is the bound).</summary>
    public BigInteger MaxRewardPool { get; set; } = (BigInteger.One << 128) - 1;

    /// <summary>Wei the deployer sends to each founder that holds less. Default 0 (no funding);
    /// <c>chain up</c> sends 100 ether from an anvil dev account.</summary>
    public BigInteger FundFoundersWei { get; set; } = BigInteger.Zero;

    public DeploymentOptions Validate()
    {
        var floors = Floors.Validate();
        GovernanceFloors.AtLeast(nameof(VotingDelaySeconds), VotingDelaySeconds, floors.VotingDelaySeconds);
        GovernanceFloors.AtLeast(nameof(VotingPeriodSeconds), VotingPeriodSeconds, floors.VotingPeriodSeconds);
        GovernanceFloors.AtLeast(nameof(GovernanceQuorumPercent), GovernanceQuorumPercent, floors.QuorumPercent);
        if (GovernanceQuorumPercent > 100) throw new ArgumentOutOfRangeException(nameof(GovernanceQuorumPercent), GovernanceQuorumPercent, "must be within 51..100");
        GovernanceFloors.AtLeast(nameof(LateQuorumExtensionSeconds), LateQuorumExtensionSeconds, floors.LateQuorumExtensionSeconds);
        if (LateQuorumExtensionSeconds > VotingPeriodSeconds)
            throw new ArgumentOutOfRangeException(nameof(LateQuorumExtensionSeconds), LateQuorumExtensionSeconds, $"must not exceed the voting period ({VotingPeriodSeconds} s)");
        GovernanceFloors.AtLeast(nameof(TimelockDelaySeconds), TimelockDelaySeconds, floors.TimelockDelaySeconds);
        GovernanceFloors.AtLeast(nameof(GracePeriodSeconds), GracePeriodSeconds, 10);
        foreach (var guardian in Guardians)
        {
            if (!AddressUtil.Current.IsValidEthereumAddressHexFormat(guardian))
                throw new ArgumentException($"guardian \"{guardian}\" is not an Ethereum address (0x and 40 hex digits)", nameof(Guardians));
        }

        if (MaxRewardPool < 0 || MaxRewardPool >= BigInteger.One << 128) throw new ArgumentOutOfRangeException(nameof(MaxRewardPool), MaxRewardPool, "must fit 128 bits");
        if (FundFoundersWei < 0) throw new ArgumentOutOfRangeException(nameof(FundFoundersWei), FundFoundersWei, "must not be negative");
        return this;
    }
}
