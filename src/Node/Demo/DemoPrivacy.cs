using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Learning.Plans;

namespace FedChain.Node.Demo;

/// <summary>The demo's DP section: the plan's budget and each hospital's epsilon as the chain's Committed events record it.</summary>
/// <param name="Members">Per hospital (site name).</param>
public sealed record DemoPrivacy(double EpsilonBudget, double Delta, double ClipNorm, IReadOnlyDictionary<string, MemberPrivacy> Members)
{
    /// <summary>Reads every training round's commits of the plan; a round a hospital did not commit counts 0.</summary>
    public static DemoPrivacy FromChain(TrainingPlan plan, LedgerState ledger, BigInteger planId, IReadOnlyList<ConsortiumMember> members)
    {
        var privacy = plan.Privacy ?? throw new ArgumentException("the plan trains without DP");
        var record = ledger.Plans[planId];
        var result = new SortedDictionary<string, MemberPrivacy>(StringComparer.Ordinal);
        foreach (var member in members)
        {
            var dp = MemberDpSgd.For(plan, member.Site);
            var perRound = Enumerable.Range(1, plan.Rounds).Select(r => record.Rounds.Count > r
                ? record.Rounds[r].Commitments.Where(c => string.Equals(c.Member, member.Address, StringComparison.OrdinalIgnoreCase)).Sum(c => FixedPoint.FromMicro((long)c.EpsilonSpent))
                : 0).ToList();
            var cumulative = new List<double>();
            foreach (var spent in perRound) cumulative.Add((cumulative.Count == 0 ? 0 : cumulative[^1]) + spent);
            result[member.Site] = new MemberPrivacy(privacy.DeclaredRecordsOf(member.Site), dp.Options.SampleRate, dp.Options.NoiseMultiplier, dp.StepsPerRound,
                perRound, cumulative, FixedPoint.FromMicro((long)record.EpsilonSpent.GetValueOrDefault(member.Address.ToLowerInvariant())));
        }

        return new DemoPrivacy(privacy.TargetEpsilon, privacy.Delta, privacy.ClipNorm, result);
    }
}

/// <summary>One hospital's DP-SGD and what the chain records it spent.</summary>
/// <param name="EpsilonPerRound">Training rounds 1..R: the epsilon its commit added on-chain (0 when it did not commit).</param>
/// <param name="EpsilonCumulative">Training rounds 1..R: its on-chain spend after the round.</param>
/// <param name="EpsilonTotal">The ledger's cumulative spend for it.</param>
public sealed record MemberPrivacy(long DeclaredRecords, double SampleRate, double NoiseMultiplier, int StepsPerRound,
    IReadOnlyList<double> EpsilonPerRound, IReadOnlyList<double> EpsilonCumulative, double EpsilonTotal);
