using FedChain.Learning.Contribution;

namespace FedChain.Learning.Robust;

/// <summary>
/// The members' committed updates as robust rules compare them: each member's delta per sample in
/// fixed-point units, r_i = round(q_i / n_i) (integers, ties away from zero), next to its committed
/// q_i and n_i. Members are put in a canonical order fixed by their content (samples, then r, then q),
/// so a rule's result never depends on the order a node holds them in (the node's address order,
/// simulate's site order): every honest node gets the same bits.
/// </summary>
public sealed class MemberDeltas
{
    private MemberDeltas(IReadOnlyList<int[]> deltas, IReadOnlyList<MemberUpdate> updates, int length)
    {
        Deltas = deltas;
        Updates = updates;
        Length = length;
    }

    /// <summary>r_i per member, in canonical order.</summary>
    public IReadOnlyList<int[]> Deltas { get; }

    /// <summary>The committed q_i and n_i, in the same order.</summary>
    public IReadOnlyList<MemberUpdate> Updates { get; }

    public int Count => Updates.Count;

    public int Length { get; }

    public static MemberDeltas Of(IReadOnlyList<MemberUpdate> updates, int length)
    {
        var members = updates.Select(u =>
        {
            if (u.Quantised.Length != length) throw new ArgumentException($"an update of {u.Quantised.Length} values does not fit {length}", nameof(updates));
            if (u.SampleCount <= 0) throw new ArgumentException("a committed update needs a positive sample count", nameof(updates));
            return (Delta: PerSample(u), Update: u);
        }).ToList();
        members.Sort((a, b) => Compare(a.Update, a.Delta, b.Update, b.Delta));
        return new MemberDeltas([.. members.Select(m => m.Delta)], [.. members.Select(m => m.Update)], length);
    }

    /// <summary>Sum of q_i over <paramref name="members"/> at one coordinate, as the exact integer it is (int32 values, in two's complement).</summary>
    public long QuantisedSum(IEnumerable<int> members, int coordinate) => members.Sum(m => (long)unchecked((int)Updates[m].Quantised[coordinate]));

    /// <summary>Sum of n_i over <paramref name="members"/>.</summary>
    public long Samples(IEnumerable<int> members) => members.Sum(m => Updates[m].SampleCount);

    /// <summary>||r_a - r_b||^2, exactly (each term is below 2^64, the sum below 2^127).</summary>
    public Int128 SquaredDistance(int a, int b)
    {
        Int128 sum = 0;
        var (x, y) = (Deltas[a], Deltas[b]);
        for (var k = 0; k < Length; k++)
        {
            Int128 d = (long)x[k] - y[k];
            sum += d * d;
        }

        return sum;
    }

    /// <summary>||r_a||, the square root of the exact integer sum of squares.</summary>
    public double Norm(int a)
    {
        Int128 sum = 0;
        foreach (var v in Deltas[a]) sum += (Int128)((long)v * v);
        return Math.Sqrt((double)sum);
    }

    private static int[] PerSample(MemberUpdate update)
    {
        var n = update.SampleCount;
        var delta = new int[update.Quantised.Length];
        for (var k = 0; k < delta.Length; k++)
        {
            long q = unchecked((int)update.Quantised[k]);
            var (quotient, remainder) = Math.DivRem(q, n);
            if (2 * Math.Abs(remainder) >= n) quotient += Math.Sign(q);
            delta[k] = (int)quotient;
        }

        return delta;
    }

    private static int Compare(MemberUpdate a, int[] ra, MemberUpdate b, int[] rb)
    {
        var c = a.SampleCount.CompareTo(b.SampleCount);
        for (var k = 0; c == 0 && k < ra.Length; k++) c = ra[k].CompareTo(rb[k]);
        for (var k = 0; c == 0 && k < ra.Length; k++) c = a.Quantised[k].CompareTo(b.Quantised[k]);
        return c;
    }
}
