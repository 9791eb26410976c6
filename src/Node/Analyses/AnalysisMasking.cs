using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Messages;
using FedChain.Node.Rounds;
using FedChain.Node.SecureRounds;

namespace FedChain.Node.Analyses;

/// <summary>
/// Secure aggregation of an analysis plan in Z_2^64 (Bonawitz et al. 2017, masks read as 64-bit
/// words): chain round 0 exchanges every data round's keys and shares (U2 = round 0's committers), and
/// data round r's sum is unmasked from public data only (the committed masked blobs, U3, and the
/// survivors' unmasking blobs). Nodes and the auditor run this same code, so they reach the same bits.
/// Every site must contribute to every round for the results to be the pooled ones, so U3 = U2 in a
/// run that finishes; the threshold is a majority, t = n / 2 + 1.
/// </summary>
public static class AnalysisMasking
{
    /// <summary>Data round <paramref name="round"/>'s parameters; the vector length is the round's public one, given when masking and summing.</summary>
    public static SecAggParameters Parameters(byte[] planHash, PlanSlots slots, int round) => new()
    {
        RoundId = PlanSlots.RoundId(planHash, round),
        MemberCount = slots.Count,
        Threshold = slots.Count / 2 + 1,
        VectorLength = null,
    };

    /// <summary>The parameters of data rounds 1..<paramref name="dataRounds"/>.</summary>
    public static IReadOnlyList<SecAggParameters> Rounds(byte[] planHash, PlanSlots slots, int dataRounds) =>
        [.. Enumerable.Range(1, dataRounds).Select(r => Parameters(planHash, slots, r))];

    /// <summary>The round's unmasked sum over <paramref name="survivors"/> (U3), or <see cref="SecureAggregationException"/>.</summary>
    public static ulong[] Sum(byte[] planHash, SecAggPool pool, int round, IReadOnlySet<int> u2, IReadOnlyList<AcceptedBlob> survivors, int length)
    {
        var parameters = Parameters(planHash, pool.Slots, round);
        var masked = survivors.Select(a => new MaskedInput64(pool.Slots.SlotOf(a.Member.ToString()), AnalysisVectors.Read(a.Envelope.Body, length))).ToList();
        if (masked.Count < parameters.Threshold)
            throw new SecureAggregationException($"round {round}: {masked.Count} masked vector(s), below the threshold {parameters.Threshold}");
        return SecureSum.Compute64(parameters, pool.KeysFor(round), [.. u2], masked, pool.Answers(round, masked.Select(m => m.Slot)), length);
    }

    /// <summary>Without secure aggregation: the accepted vectors' sum mod 2^64.</summary>
    public static ulong[] PlainSum(IReadOnlyList<AcceptedBlob> accepted, int length)
    {
        var sum = new ulong[length];
        foreach (var blob in accepted) Learning.Analysis.Engine.FixedPointRing.AddInto(sum, AnalysisVectors.Read(blob.Envelope.Body, length));
        return sum;
    }
}
