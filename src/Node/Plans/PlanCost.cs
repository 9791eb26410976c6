using System.Globalization;
using System.Text;
using FedChain.Learning.Plans;
using FedChain.Node.Privacy;

namespace FedChain.Node.Plans;

/// <summary>
/// What a plan will cost before anyone votes on it: each member's epsilon, the bytes each member
/// receives per round and per plan, the gas the consortium spends, and how long it takes.
/// </summary>
/// <param name="EpsilonByMember">Each declared member's planned epsilon (empty without DP: no bound).</param>
/// <param name="UpdateBlobBytes">One signed update blob (envelope header, fixed-point update, signature).</param>
/// <param name="BytesPerMemberPerRound">Received by each member per training round: every other member's update blob (and utility report when scored).</param>
/// <param name="GasPerPlan">Estimated total gas: enrolment, one commit per member per chain round, the final votes and pins.</param>
/// <param name="SecondsUpperBound">Every round running its full commit window, plus enrolment.</param>
/// <param name="SecondsEstimate">With a measured local round: training plus protocol overhead per chain round, from the moment every invitee opted in; null without data.</param>
public sealed record PlanCost(
    int Members,
    IReadOnlyDictionary<string, double> EpsilonByMember,
    long UpdateBlobBytes,
    long BytesPerMemberPerRound,
    long BytesPerMemberPerPlan,
    long GasPerPlan,
    double SecondsUpperBound,
    double? SecondsEstimate)
{
    // Gas measured by `fedchain bench chain` on anvil (docs/chain.md, "Gas"); an estimate for other chains.
    private const long OptInGas = 46_722;
    private const long CommitGas = 56_812;
    private const long RoundFixedGas = 51_114;
    private const long VoteAggregateGas = 46_331;
    private const long PinEvaluationGas = 50_000;
    private const long StartPlanGas = 475_896 + 85_160 + 65_710 * 4;

    // Envelope: "FCB1", kind, plan hash, round, sample count, body length, then a 65-byte signature (docs/node.md).
    private const int EnvelopeBytes = 4 + 1 + 32 + 4 + 8 + 4 + 65;

    /// <summary>Measured protocol overhead of a round on loopback (docs/node.md): commit, poll, pull, aggregate.</summary>
    private const double OverheadSecondsPerRound = 0.5;

    public static PlanCost Of(TrainingPlan plan, int members, double? trainingSecondsPerRound)
    {
        var epsilon = plan.Privacy is { } privacy
            ? privacy.DeclaredCounts.ToDictionary(d => d.Member, d => PrivacySchedule.Epsilon(MemberDpSgd.For(plan, d.Member), plan.Rounds))
            : [];
        var blob = EnvelopeBytes + 4L * plan.UpdateLength;
        // A utility report carries one value per scheduled subset: up to 2^n for exact Shapley (docs/contribution.md).
        var report = plan.Contribution is null ? 0 : EnvelopeBytes + 16L * Math.Min(1 << Math.Min(members, 16), 4096);
        var perRound = (members - 1) * (blob + report);
        var terms = plan.Chain ?? ChainTerms.Default;
        var chainRounds = plan.Rounds + 1;
        var gas = StartPlanGas + members * (OptInGas + chainRounds * CommitGas + VoteAggregateGas + PinEvaluationGas) + chainRounds * RoundFixedGas;
        double? estimate = trainingSecondsPerRound is { } t ? chainRounds * (t + OverheadSecondsPerRound) : null;
        return new PlanCost(members, epsilon, blob, perRound, perRound * plan.Rounds, gas,
            terms.EnrolmentWindowSeconds + (double)chainRounds * terms.CommitWindowSeconds, estimate);
    }

    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(EpsilonByMember.Count == 0
            ? "  privacy: no DP, so no epsilon bound: every member's update is visible to the others as trained"
            : "  privacy: planned epsilon per member " + string.Join(", ", EpsilonByMember.Select(e => string.Create(inv, $"{e.Key} {e.Value:G4}"))));
        text.AppendLine(string.Create(inv, $"  network: update blob {Bytes(UpdateBlobBytes)}; each of {Members} members receives about {Bytes(BytesPerMemberPerRound)} per round, {Bytes(BytesPerMemberPerPlan)} per plan"));
        text.AppendLine(string.Create(inv, $"  chain: about {GasPerPlan:N0} gas in all (measured per-operation gas on anvil, docs/chain.md)"));
        text.Append(SecondsEstimate is { } s
            ? string.Create(inv, $"  time: about {s:F0} s once everyone has opted in, with this site's measured training; at most {SecondsUpperBound:F0} s if every round waits out its commit window")
            : string.Create(inv, $"  time: at most {SecondsUpperBound:F0} s if every round waits out its commit window (give --data for an estimate)"));
        return text.ToString();
    }

    private static string Bytes(long bytes) => bytes switch
    {
        < 10_000 => $"{bytes} B",
        < 10_000_000 => $"{bytes / 1024.0:F1} KiB",
        _ => $"{bytes / 1048576.0:F1} MiB",
    };
}
