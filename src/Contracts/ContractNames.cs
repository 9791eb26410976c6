namespace FedChain.Contracts;

/// <summary>The compiled contracts a consortium deploys (artifact names in Generated/).</summary>
public static class ContractNames
{
    public const string MembershipRegistry = nameof(MembershipRegistry);
    public const string ConsortiumGovernor = nameof(ConsortiumGovernor);
    public const string TrainingLedger = nameof(TrainingLedger);
    public const string RewardToken = nameof(RewardToken);

    public static IReadOnlyList<string> All { get; } = [MembershipRegistry, ConsortiumGovernor, TrainingLedger, RewardToken];
}
