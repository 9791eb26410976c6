using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Governance;

/// <summary>Proposes, votes and executes on the ConsortiumGovernor as this client's institution.</summary>
public sealed partial class GovernanceClient(ChainClient chain, string governor)
{
    public string Address => governor;

    /// <summary>Submits a proposal; its id comes from the ProposalCreated event.</summary>
    public async Task<SubmittedProposal> ProposeAsync(Proposal proposal, CancellationToken ct = default)
    {
        var outcome = await chain.SendAsync(governor, new GovernorFunctions.Propose
        {
            Targets = proposal.Targets.ToList(),
            Values = proposal.Values.ToList(),
            Calldatas = proposal.Calldatas.ToList(),
            Description = proposal.Description,
        }, ct);
        return new SubmittedProposal(outcome.Events<GovernorEvents.ProposalCreated>().Single().ProposalId, outcome);
    }

    public Task<TransactionOutcome> VoteAsync(BigInteger proposalId, VoteSupport support, CancellationToken ct = default) =>
        chain.SendAsync(governor, new GovernorFunctions.CastVote { ProposalId = proposalId, Support = (byte)support }, ct);

    /// <summary>Executes a succeeded proposal; reverts (decoded) unless its vote succeeded.</summary>
    public Task<TransactionOutcome> ExecuteAsync(Proposal proposal, CancellationToken ct = default) =>
        chain.SendAsync(governor, new GovernorFunctions.Execute
        {
            Targets = proposal.Targets.ToList(),
            Values = proposal.Values.ToList(),
            Calldatas = proposal.Calldatas.ToList(),
            DescriptionHash = proposal.DescriptionHash,
        }, ct);

    public async Task<ProposalState> StateAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (ProposalState)await chain.CallAsync<GovernorFunctions.State, byte>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When voting closes (timestamp, seconds).</summary>
    public async Task<long> DeadlineAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalDeadline, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);

    /// <summary>When voting opens: votes count from the first block after this timestamp.</summary>
    public async Task<long> SnapshotAsync(BigInteger proposalId, CancellationToken ct = default) =>
        (long)await chain.CallAsync<GovernorFunctions.ProposalSnapshot, BigInteger>(governor, new() { ProposalId = proposalId }, ct: ct);
}
