using System.Numerics;

namespace FedChain.Contracts.Governance;

/// <summary>
/// What a settings proposal changes; null (or empty) leaves a setting as it is. Every value must be at
/// or above its floor (ConsortiumGovernor and ConsortiumTimelock enforce them: a proposal below one
/// passes its vote but fails to execute).
/// </summary>
public sealed record SettingsChange
{
    public uint? VotingDelaySeconds { get; init; }

    public uint? VotingPeriodSeconds { get; init; }

    /// <summary>Share of all member votes that must vote For, rounded up; at least the quorum floor (&gt; 50).</summary>
    public byte? QuorumPercent { get; init; }

    public uint? LateQuorumExtensionSeconds { get; init; }

    public uint? TimelockDelaySeconds { get; init; }

    /// <summary>The lifetime epsilon budget (micro) of datasets without their own.</summary>
    public ulong? DefaultLifetimeBudgetMicro { get; init; }

    /// <summary>Per dataset (a plan's 32-byte schema hash), every member's lifetime epsilon budget (micro).</summary>
    public IReadOnlyList<(byte[] Dataset, ulong BudgetMicro)> LifetimeBudgets { get; init; } = [];

    /// <summary>The largest reward pool a plan may be started with.</summary>
    public BigInteger? MaxRewardPool { get; init; }
}
