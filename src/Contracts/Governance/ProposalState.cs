namespace FedChain.Contracts.Governance;

/// <summary>OpenZeppelin IGovernor.ProposalState, in its declared order.</summary>
public enum ProposalState : byte
{
    Pending,
    Active,
    Canceled,
    Defeated,
    Succeeded,
    Queued,
    Expired,
    Executed,
}
