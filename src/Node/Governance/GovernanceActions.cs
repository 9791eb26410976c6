using System.Numerics;
using FedChain.Contracts;
using FedChain.Contracts.Client;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;

namespace FedChain.Node.Governance;

/// <summary>
/// What a member does in governance, with its own key: propose, vote, queue and execute, on a chain
/// whose blocks come in real time, through the governor's real voting delay, period and (when it has
/// one) timelock. Every refusal is said in words before anything is sent. The `fedchain gov`
/// commands and the demo both go through here.
/// </summary>
public sealed partial class GovernanceActions(Consortium consortium, TimeProvider time, IProgress<string>? progress = null)
{
    private GovernanceClient Governor => consortium.Governance;

    public ChainClock Clock { get; } = new(consortium.Chain, time, progress);

    /// <summary>Submits <paramref name="proposal"/>; returns its id.</summary>
    public async Task<BigInteger> ProposeAsync(Proposal proposal, CancellationToken ct)
    {
        await RequireMemberAsync("propose", ct);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                var submitted = await Governor.ProposeAsync(proposal, ct);
                progress?.Report($"proposal {submitted.Id} submitted in block {submitted.Transaction.BlockNumber}");
                return submitted.Id;
            }
            catch (ContractRevertException e) when (e.ErrorName == "GovernorUnexpectedProposalState")
            {
                throw new GovernanceRefusal("the same proposal (same calls and description) exists already; vote on it, or change the description");
            }
            catch (ContractRevertException e) when (e.ErrorName == "GovernorInsufficientProposerVotes" && attempt == 0)
            {
                // A proposer's weight is read at clock() - 1: a member admitted this very second votes from the next one.
                await Clock.WaitPastAsync(await Clock.NowAsync(ct), "this member's vote counts", ct);
            }
            catch (ContractRevertException e) when (e.ErrorName == "GovernorInsufficientProposerVotes")
            {
                throw new GovernanceRefusal($"{Me} holds no vote: only members with a vote propose");
            }
        }
    }

    /// <summary>Casts this member's vote; with <paramref name="wait"/>, waits for voting to open first.</summary>
    public async Task VoteAsync(BigInteger id, VoteSupport support, string? reason, bool wait, CancellationToken ct)
    {
        var state = await StateAsync(id, ct);
        await RequireMemberAsync("vote", ct);
        if (await Governor.HasVotedAsync(id, Me, ct)) throw new GovernanceRefusal($"{Me} has already voted on proposal {id}");
        if (state == ProposalState.Pending)
        {
            var opens = await Governor.SnapshotAsync(id, ct);
            if (!wait)
            {
                var now = await Clock.NowAsync(ct);
                throw new GovernanceRefusal($"voting on proposal {id} is not open yet: it opens after {ChainClock.Format(opens)} ({ChainClock.Relative(opens, now)} by the chain's clock); run again then, or add --wait");
            }

            await Clock.WaitPastAsync(opens, $"voting on proposal {id} opens", ct);
            state = await StateAsync(id, ct);
        }

        if (state != ProposalState.Active)
        {
            var closed = await Governor.DeadlineAsync(id, ct);
            throw new GovernanceRefusal($"voting on proposal {id} is closed (since {ChainClock.Format(closed)}): it is {Name(state)}");
        }

        var outcome = reason is null ? await Governor.VoteAsync(id, support, ct) : await Governor.VoteAsync(id, support, reason, ct);
        progress?.Report($"voted {Name(support)} on proposal {id} in block {outcome.BlockNumber}");
    }

    /// <summary>Queues a succeeded proposal on a timelocked governor.</summary>
    public async Task QueueAsync(BigInteger id, bool wait, CancellationToken ct)
    {
        var record = await RecordAsync(id, ct);
        var state = await WaitVoteClosedAsync(id, wait, ct);
        if (state == ProposalState.Queued) throw new GovernanceRefusal($"proposal {id} is queued already; it executes after {ChainClock.Format(await Governor.EtaAsync(id, ct))}");
        RequireSucceeded(id, state, await VoteTallyAsync(id, ct));
        if (!await Governor.ProposalNeedsQueuingAsync(id, ct)) throw new GovernanceRefusal($"this governor has no timelock: proposal {id} needs no queueing; run `fedchain gov execute {id}`");
        await Governor.QueueAsync(ToProposal(record), ct);
        progress?.Report($"proposal {id} queued; it executes after {ChainClock.Format(await Governor.EtaAsync(id, ct))}");
    }

    /// <summary>
    /// Executes a succeeded proposal. On a timelocked governor it queues it first when needed and
    /// waits for its ETA; with <paramref name="wait"/> it also waits for the vote to close.
    /// </summary>
    public async Task ExecuteAsync(BigInteger id, bool wait, CancellationToken ct)
    {
        var record = await RecordAsync(id, ct);
        var proposal = ToProposal(record);
        var state = await WaitVoteClosedAsync(id, wait, ct);
        if (state != ProposalState.Queued)
        {
            RequireSucceeded(id, state, await VoteTallyAsync(id, ct));
            if (await Governor.ProposalNeedsQueuingAsync(id, ct))
            {
                await Governor.QueueAsync(proposal, ct);
                progress?.Report($"proposal {id} queued on the timelock");
            }
        }

        if (await Governor.ProposalNeedsQueuingAsync(id, ct) && await Governor.EtaAsync(id, ct) is var eta and > 0)
            await Clock.WaitPastAsync(eta - 1, $"the timelock releases proposal {id}", ct);
        var outcome = await Governor.ExecuteAsync(proposal, ct);
        progress?.Report($"proposal {id} executed in block {outcome.BlockNumber}");
    }

    private string Me => consortium.Chain.Address;

    private async Task RequireMemberAsync(string action, CancellationToken ct)
    {
        if (!await consortium.Membership.IsMemberAsync(Me, ct))
            throw new GovernanceRefusal($"{Me} is not a member of this consortium: only members {action} (auditors and outsiders hold no vote)");
    }

    /// <summary>The proposal's state; a clear refusal when there is no such proposal.</summary>
    public async Task<ProposalState> StateAsync(BigInteger id, CancellationToken ct)
    {
        try
        {
            return await Governor.StateAsync(id, ct);
        }
        catch (ContractRevertException e) when (e.ErrorName == "GovernorNonexistentProposal")
        {
            throw new GovernanceRefusal($"there is no proposal {id} on this governor (`fedchain gov list` shows them)");
        }
    }

    private async Task<ProposalState> WaitVoteClosedAsync(BigInteger id, bool wait, CancellationToken ct)
    {
        var state = await StateAsync(id, ct);
        if (state is not (ProposalState.Pending or ProposalState.Active)) return state;
        var deadline = await Governor.DeadlineAsync(id, ct);
        if (!wait)
        {
            var now = await Clock.NowAsync(ct);
            throw new GovernanceRefusal($"voting on proposal {id} is still open until {ChainClock.Format(deadline)} ({ChainClock.Relative(deadline, now)}); execute after it closes, or add --wait");
        }

        await Clock.WaitPastAsync(deadline, $"voting on proposal {id} closes", ct);
        return await StateAsync(id, ct);
    }

    private static void RequireSucceeded(BigInteger id, ProposalState state, VoteTally tally)
    {
        switch (state)
        {
            case ProposalState.Succeeded:
                return;
            case ProposalState.Executed:
                throw new GovernanceRefusal($"proposal {id} was already executed");
            case ProposalState.Canceled:
                throw new GovernanceRefusal($"proposal {id} was canceled");
            case ProposalState.Expired:
                throw new GovernanceRefusal($"proposal {id} expired before it was executed");
            case ProposalState.Defeated when !tally.QuorumReached:
                throw new GovernanceRefusal($"proposal {id} was defeated: quorum not reached ({tally.Counted} of {tally.Needed} votes counting toward it: {tally.Counts})");
            case ProposalState.Defeated:
                throw new GovernanceRefusal($"proposal {id} was defeated: {tally.For} for, {tally.Against} against (it needs more for than against)");
            default:
                throw new GovernanceRefusal($"proposal {id} is {Name(state)}");
        }
    }

    private async Task<ProposalRecord> RecordAsync(BigInteger id, CancellationToken ct)
    {
        await StateAsync(id, ct);
        var ledger = await consortium.ReplayLedgerAsync(ct);
        return ledger.Proposals.TryGetValue(id, out var record) ? record
            : throw new GovernanceRefusal($"proposal {id} is not among the governor's ProposalCreated events since block {consortium.Addresses.DeploymentBlock}");
    }

    private static Proposal ToProposal(ProposalRecord record) =>
        new(record.Created.Targets, record.Created.Values, record.Created.Calldatas, record.Created.Description);

    public static string Name(ProposalState state) => state.ToString().ToLowerInvariant();

    public static string Name(VoteSupport support) => support.ToString().ToLowerInvariant();
}
