using FedChain.Contracts.Client;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    /// <summary>Waits for the chain to close the round; past its deadline, asks the chain to close it.</summary>
    private Task WaitClosedAsync(int round, CancellationToken ct) => _run.Chain.WaitClosedAsync(round, ct);

    /// <summary>Fetches and checks every blob the chain says was committed in the round: the chain's commit set is the participant set.</summary>
    private async Task<(IReadOnlyList<AcceptedBlob> Accepted, int Excluded)> CollectAsync(int round, CancellationToken ct)
    {
        _run.Report("phase", round, phase: "fetching updates");
        var (commitments, participants) = node.Chain.Read(s => (_run.RoundOf(s, round)!.Commitments.ToList(), s.Plans[planId].Participants.Count));
        var blobs = await Task.WhenAll(commitments.Select(c => FetchAsync(BlobId.FromBytes(c.BlobHash), round, ct)));
        var accepted = new List<AcceptedBlob>();
        for (var i = 0; i < commitments.Count; i++)
        {
            var blob = CommitmentCheck.Check(_run.Plan, _run.PlanHash, commitments[i], blobs[i], out var problem, participants);
            if (blob is null) Log.BlobExcluded(node.Logger, planId, round, commitments[i].Member, problem!);
            else accepted.Add(blob);
        }

        return (accepted, commitments.Count - accepted.Count);
    }

    private Task<byte[]> FetchAsync(BlobId id, int round, CancellationToken ct) => _run.Chain.FetchAsync(id, round, ct);

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
