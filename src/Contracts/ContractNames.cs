namespace FedChain.Contracts;

/// <summary>The compiled contracts a consortium deploys (artifact names in Generated/).</summary>
public static class ContractNames
{
    public const string MembershipRegistry = nameof(MembershipRegistry);
    public const string ConsortiumTimelock = nameof(ConsortiumTimelock);
    public const string ConsortiumGovernor = nameof(ConsortiumGovernor);
    public const string TrainingLedger = nameof(TrainingLedger);
    public const string LedgerAdministration = nameof(LedgerAdministration);
    public const string RewardToken = nameof(RewardToken);

    public static IReadOnlyList<string> All { get; } = [MembershipRegistry, ConsortiumTimelock, ConsortiumGovernor, TrainingLedger, LedgerAdministration, RewardToken];
}
