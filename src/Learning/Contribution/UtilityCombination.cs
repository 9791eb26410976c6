namespace FedChain.Learning.Contribution;

/// <summary>
/// The combination rule: U(S) is the mean of the reporting members' utilities for S, each weighted by
/// the validation rows it evaluated on, rounded to the nearest unit (halves away from zero). Integer
/// arithmetic and a sum, so the result depends only on the set of reports, never on their order.
/// </summary>
public static class UtilityCombination
{
    /// <param name="reports">Reports already checked against <paramref name="schedule"/> (<see cref="RoundScoring"/> does).</param>
    public static CoalitionUtilities Combine(IReadOnlyList<UtilityReport> reports, IReadOnlyList<Coalition> schedule)
    {
        if (reports.Count == 0) throw new ArgumentException("combining needs at least one utility report", nameof(reports));
        Int128 weight = 0;
        foreach (var report in reports) weight += report.ValidationRows;
        var values = new Dictionary<Coalition, long>(schedule.Count);
        for (var i = 0; i < schedule.Count; i++)
        {
            Int128 sum = 0;
            foreach (var report in reports) sum += (Int128)report.ValidationRows * report.Utilities[i].Utility;
            values[schedule[i]] = ScoreUnits.Divide(sum, weight);
        }

        return new CoalitionUtilities(values);
    }
}
