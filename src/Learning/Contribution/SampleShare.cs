namespace FedChain.Learning.Contribution;

/// <summary>
/// The secure-aggregation rule: under secure aggregation only the round's sum exists, so the only
/// utilities anyone can measure are U(none) (the previous global model) and U(all) (the new one).
/// The round's gain U(all) - U(none) is shared in proportion to the committed sample counts n_i:
/// score_i = gain * n_i / sum n. It pays participation, not quality: a member that commits a count
/// and sends nothing useful is paid like an honest one (docs/contribution.md).
/// </summary>
public static class SampleShare
{
    public static long[] Compute(CoalitionUtilities utilities, IReadOnlyList<long> sampleCounts)
    {
        var members = sampleCounts.Count;
        var gain = utilities[Coalition.All(members)] - utilities[Coalition.Empty];
        Int128 total = 0;
        foreach (var n in sampleCounts) total += n;
        return total <= 0 ? new long[members] : [.. sampleCounts.Select(n => ScoreUnits.Divide((Int128)gain * n, total))];
    }
}
