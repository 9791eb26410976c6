using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;

namespace FedChain.Node.Audit;

/// <summary>
/// The audit of data availability: every blob the chain voted out of a round is named by round and
/// member (<see cref="AuditExclusion"/>); its exclusion must have had the plan's quorum of ballots from
/// participants, none of them its own member; and it is left out of the round's recomputed aggregate
/// and score vector like any blob that is not in the chain's set, so a finalised hash that included it
/// is a finding of <c>CheckAgreement</c>.
/// </summary>
public sealed partial class Auditor
{
    private readonly List<AuditExclusion> _exclusions = [];

    private void CheckExclusions(string plan, PlanRecord record, RoundRecord round)
    {
        var needed = Quorum.VotesNeeded(record.Participants.Count, record.Terms?.QuorumPercent ?? 51);
        foreach (var member in round.Excluded)
        {
            var commitment = round.Commitments.FirstOrDefault(c => c.Member.Equals(member, StringComparison.OrdinalIgnoreCase));
            if (commitment is null)
            {
                Find(plan, (int)round.Round, member, "voted out of the round, but it committed nothing in it");
                continue;
            }

            var bit = record.Indexes.TryGetValue(member, out var index) ? BigInteger.One << index : BigInteger.Zero;
            var ballots = round.ExclusionBallots.Where(b => !(b.Missing & bit).IsZero).ToList();
            if (ballots.Any(b => b.Voter.Equals(member, StringComparison.OrdinalIgnoreCase)))
                Find(plan, (int)round.Round, member, "voted its own blob out of the round");
            var voters = ballots.Select(b => b.Voter.ToLowerInvariant()).Distinct().Count();
            if (voters < needed) Find(plan, (int)round.Round, member, $"voted out with {voters} ballots, the quorum is {needed} of {record.Participants.Count}");
            _exclusions.Add(new AuditExclusion(plan, (int)round.Round, member, Convert.ToHexStringLower(commitment.BlobHash), voters, needed));
        }
    }
}
