namespace FedChain.Contracts.Governance;

/// <summary>GovernorCountingSimple's vote types.</summary>
public enum VoteSupport : byte
{
    Against = 0,
    For = 1,
    Abstain = 2,
}
