using System.Numerics;
using FedChain.Contracts.Governance;

namespace FedChain.Contracts.Events;

/// <summary>A governance proposal and the votes cast on it.</summary>
public sealed class ProposalRecord(GovernorEvents.ProposalCreated created)
{
    public BigInteger ProposalId => Created.ProposalId;

    public GovernorEvents.ProposalCreated Created { get; } = created;

    public List<GovernorEvents.VoteCast> Votes { get; } = [];

    /// <summary>When the queued proposal may execute (timestamp); null until queued.</summary>
    public ulong? Eta { get; internal set; }

    /// <summary>The deadline after a late quorum extended the vote; null if it was not extended.</summary>
    public ulong? ExtendedDeadline { get; internal set; }

    public bool Executed { get; internal set; }

    public bool Canceled { get; internal set; }
}
