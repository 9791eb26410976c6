using FedChain.Contracts.Client;
using FedChain.Node.Rounds.Availability;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    /// <summary>Waits for the chain to close the round; past its deadline, asks the chain to close it.</summary>
    private Task WaitClosedAsync(int round, CancellationToken ct) => _run.Chain.WaitClosedAsync(round, ct);

    /// <summary>Fetches and checks every blob of the chain's set for the round (its commitments less those it voted
    /// out), voting out at the availability deadline what never arrives: the chain's set is the participant set.</summary>
    private Task<RoundSet> CollectAsync(int round, CancellationToken ct)
    {
        _run.Report("phase", round, phase: "fetching updates");
        return _availability.CollectAsync(round, ct);
    }

    /// <summary>Votes an aggregate in a transaction of its own, when no commit of the next round carries the
    /// vote: after the last round, or when this member cannot commit (budget spent, no masking keys).</summary>
    private async Task VoteAggregateAloneAsync(int round, byte[] hash, CancellationToken ct)
    {
        var voted = node.Chain.Read(s => _run.RoundOf(s, round)!.AggregateVotes.Any(v => _run.IsMe(v.Voter)));
        if (voted || !node.Chain.Read(s => s.Plans[planId].Participants.Contains(node.Me))) return;
        try
        {
            await node.Consortium.Ledger.VoteAggregateAsync(planId, (uint)round, hash, ct);
        }
        catch (ContractRevertException e)
        {
            Log.CommitRefused(node.Logger, planId, round, e.Message);
        }
    }
}
