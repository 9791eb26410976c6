using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;

namespace FedChain.Node.Governance;

public sealed partial class GovernanceActions
{
    /// <summary>Every proposal since deployment, newest first.</summary>
    public async Task<IReadOnlyList<ProposalView>> ListAsync(CancellationToken ct)
    {
        var ledger = await consortium.ReplayLedgerAsync(ct);
        var settings = await SettingsAsync(ct);
        var now = await Clock.NowAsync(ct);
        var views = new List<ProposalView>();
        foreach (var record in ledger.Proposals.Values.Reverse()) views.Add(await ViewAsync(record, ledger, settings, now, ct));
        return views;
    }

    public async Task<ProposalView> ShowAsync(BigInteger id, CancellationToken ct)
    {
        var record = await RecordAsync(id, ct);
        var ledger = await consortium.ReplayLedgerAsync(ct);
        return await ViewAsync(record, ledger, await SettingsAsync(ct), await Clock.NowAsync(ct), ct);
    }

    /// <summary>The governor's and timelock's current settings, to say what a settings proposal changes from.</summary>
    public Task<GovernanceSettings> SettingsAsync(CancellationToken ct) => Governor.SettingsAsync(ct);

    private async Task<ProposalView> ViewAsync(ProposalRecord record, LedgerState ledger, GovernanceSettings settings, long now, CancellationToken ct)
    {
        var id = record.ProposalId;
        var state = await Governor.StateAsync(id, ct);
        var tally = await VoteTallyAsync(id, ct);
        var opens = await Governor.SnapshotAsync(id, ct);
        var closes = await Governor.DeadlineAsync(id, ct);
        long? eta = state == ProposalState.Queued ? await Governor.EtaAsync(id, ct) : null;
        string? NameOf(string address) => ledger.Members.TryGetValue(address.ToLowerInvariant(), out var m) ? m.Name : null;
        var voters = record.Votes.Select(v => new CastVote(v.Voter, NameOf(v.Voter), Name((VoteSupport)v.Support), v.Reason.Length == 0 ? null : v.Reason)).ToList();
        return new ProposalView(
            id.ToString(), record.Created.Proposer, NameOf(record.Created.Proposer), record.Created.Description, Name(state),
            ProposalActions.Decode(consortium.Addresses, record.Created, settings),
            tally.For, tally.Against, tally.Abstain, tally.Needed, tally.Counts, tally.QuorumReached, voters,
            opens, closes, eta, now, Next(id, state, tally, opens, closes, eta, now));
    }

    private static string Next(BigInteger id, ProposalState state, VoteTally tally, long opens, long closes, long? eta, long now) => state switch
    {
        ProposalState.Pending => $"voting opens after {ChainClock.Format(opens)} ({ChainClock.Relative(opens, now)}): `fedchain gov vote {id} for|against|abstain`",
        ProposalState.Active => $"voting is open until {ChainClock.Format(closes)} ({ChainClock.Relative(closes, now)}); {tally.Counted} of {tally.Needed} votes toward the quorum so far",
        ProposalState.Succeeded => $"passed: `fedchain gov execute {id}` carries it out",
        ProposalState.Queued => $"queued on the timelock: `fedchain gov execute {id}` after {ChainClock.Format(eta ?? 0)}",
        ProposalState.Defeated when !tally.QuorumReached => $"defeated: quorum not reached ({tally.Counted} of {tally.Needed})",
        ProposalState.Defeated => $"defeated: {tally.For} for, {tally.Against} against",
        ProposalState.Executed => "executed",
        _ => Name(state),
    };

    /// <summary>The tally against the quorum, counted the way the governor counts (its COUNTING_MODE says whether abstain counts).</summary>
    private async Task<VoteTally> VoteTallyAsync(BigInteger id, CancellationToken ct)
    {
        var votes = await Governor.VotesAsync(id, ct);
        // Before its snapshot a proposal's quorum is not fixed yet: GovernanceClient gives today's.
        var needed = await Governor.QuorumAsync(id, ct);
        var counts = await Governor.QuorumCountsAsync(ct);
        var counted = votes.For + (counts.Contains("abstain") ? votes.Abstain : BigInteger.Zero);
        return new VoteTally((long)votes.For, (long)votes.Against, (long)votes.Abstain, (long)needed, (long)counted, string.Join(",", counts));
    }

    private sealed record VoteTally(long For, long Against, long Abstain, long Needed, long Counted, string Counts)
    {
        public bool QuorumReached => Counted >= Needed;
    }
}
