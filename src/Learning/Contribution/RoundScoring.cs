using FedChain.Learning.Plans;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The deterministic function every node and the auditor run: (plan, round, roster, set of utility
/// reports) to the round's scores (rewards follow from a plan's scores: <see cref="RewardRule"/>). Reports that do not fit are excluded with a reason
/// rather than failing the round, so one malformed report cannot stop scoring; the outcome depends
/// on the set of reports only, never on the order they arrived in.
/// </summary>
public static class RoundScoring
{
    /// <param name="roster">The round's participants in the order the scores are recorded (bit i of a subset is roster[i]).</param>
    /// <param name="reports">The signed reports received for this round (signatures checked by the caller).</param>
    public static RoundScores Score(
        ContributionSettings settings, string planHash, long planSeed, int round,
        IReadOnlyList<RosterMember> roster, IEnumerable<UtilityReport> reports)
    {
        CheckRoster(roster, round);
        var schedule = CoalitionSchedule.For(settings, planSeed, round, roster.Count);
        var (accepted, excluded) = Screen(planHash, round, schedule, reports);
        var members = roster.Select(m => m.Member).ToArray();
        if (accepted.Count == 0)
        {
            var none = new long[roster.Count];
            return new RoundScores(planHash, round, settings.Method, members, none, null, null, [], excluded);
        }

        var utilities = UtilityCombination.Combine(accepted, schedule);
        var n = roster.Count;
        var scores = settings.Method switch
        {
            ContributionMethod.ExactShapley => ExactShapley.Compute(utilities, n),
            ContributionMethod.SampledShapley => SampledShapley.Compute(
                utilities, n, SampledPermutations.For(planSeed, round, n, settings.Permutations), ScoreUnits.FromDouble(settings.Truncation)),
            ContributionMethod.LeaveOneOut => LeaveOneOut.Compute(utilities, n),
            _ => SampleShare.Compute(utilities, [.. roster.Select(m => m.SampleCount)]),
        };

        return new RoundScores(
            planHash, round, settings.Method, members, scores,
            utilities[Coalition.Empty], utilities[Coalition.All(n)], [.. accepted.Select(r => r.Member)], excluded);
    }

    private static void CheckRoster(IReadOnlyList<RosterMember> roster, int round)
    {
        if (roster.Count is 0 or > Coalition.MaxMembers) throw new ArgumentException($"round {round}: a scored round needs 1 to {Coalition.MaxMembers} participants, got {roster.Count}", nameof(roster));
        var repeated = roster.GroupBy(m => m.Member, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) throw new ArgumentException($"round {round}: member '{repeated.Key}' appears twice in the roster", nameof(roster));
        var negative = roster.FirstOrDefault(m => m.SampleCount < 0);
        if (negative is not null) throw new ArgumentException($"round {round}: member '{negative.Member}' committed a negative sample count {negative.SampleCount}", nameof(roster));
    }

    private static (List<UtilityReport> Accepted, List<ExcludedReport> Excluded) Screen(
        string planHash, int round, IReadOnlyList<Coalition> schedule, IEnumerable<UtilityReport> reports)
    {
        var accepted = new List<UtilityReport>();
        var excluded = new List<ExcludedReport>();
        // A member that sent two different reports for one round is not counted at all: keeping either
        // would make the outcome depend on arrival order.
        foreach (var group in reports.GroupBy(r => r.Member, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var distinct = group.DistinctBy(r => r.Hash()).ToArray();
            var reason = distinct.Length > 1 ? $"{distinct.Length} different reports for round {round}" : Problem(distinct[0], planHash, round, schedule);
            if (reason is null) accepted.Add(distinct[0]);
            else excluded.Add(new ExcludedReport(group.Key, reason));
        }

        return (accepted, excluded);
    }

    private static string? Problem(UtilityReport report, string planHash, int round, IReadOnlyList<Coalition> schedule)
    {
        if (!string.Equals(report.PlanHash, planHash, StringComparison.Ordinal)) return $"plan hash {report.PlanHash} is not the plan's {planHash}";
        if (report.Round != round) return $"report is for round {report.Round}, not {round}";
        if (report.ValidationRows <= 0) return $"validation rows {report.ValidationRows} must be positive";
        if (report.Utilities.Count != schedule.Count) return $"{report.Utilities.Count} utilities for {schedule.Count} scheduled subsets";
        for (var i = 0; i < schedule.Count; i++)
        {
            if (report.Utilities[i].Coalition != schedule[i]) return $"utility {i} is for subset {report.Utilities[i].Coalition}, the schedule has {schedule[i]}";
        }

        return null;
    }
}
