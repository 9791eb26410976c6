using System.Numerics;
using FedChain.Contracts.Governance;

namespace FedChain.Contracts.Events;

/// <summary>A governance proposal and the votes cast on it.</summary>
public sealed class ProposalRecord(GovernorEvents.ProposalCreated created)
{
    public BigInteger ProposalId => Created.ProposalId;

    public GovernorEvents.ProposalCreated Created { get; } = created;

    public List<GovernorEvents.VoteCast> Votes { get; } = [];

    public bool Executed { get; internal set; }

    public bool Canceled { get; internal set; }
}
