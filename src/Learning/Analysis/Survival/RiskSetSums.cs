using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Plans;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>
/// The event-time aggregates of Cox's partial likelihood (WebDISCO, Lu et al. 2015): at each event
/// time t_j, over the risk set {i : T_i &gt;= t_j}, S0 = sum w_i, S1 = sum w_i z_i, S2 = sum w_i z_i z_i'
/// with w_i = exp(z_i . beta); for Efron's ties the same sums D0, D1, D2 over the events at t_j; and
/// the sum of z over all events. They add over sites, so their sum is the pooled rows' aggregates.
/// Flat layout: [S0 | S1 | S2 | D0 | D1 | D2 | event z], each per event time in time order.
/// </summary>
public sealed class RiskSetSums
{
    public RiskSetSums(int times, int p, bool efron)
    {
        (Times, P, Efron) = (times, p, efron);
        Values = new double[Length(times, p, efron)];
    }

    private RiskSetSums(int times, int p, bool efron, double[] values) : this(times, p, efron) => Values = values;

    public int Times { get; }

    public int P { get; }

    public bool Efron { get; }

    public double[] Values { get; }

    private int Packed => PackedSymmetric.Length(P);

    private int Block => Times * (1 + P + Packed);

    public Span<double> S0 => Values.AsSpan(0, Times);

    public Span<double> S1 => Values.AsSpan(Times, Times * P);

    public Span<double> S2 => Values.AsSpan(Times * (1 + P), Times * Packed);

    public Span<double> D0 => Values.AsSpan(Block, Efron ? Times : 0);

    public Span<double> D1 => Values.AsSpan(Block + Times, Efron ? Times * P : 0);

    public Span<double> D2 => Values.AsSpan(Block + Times * (1 + P), Efron ? Times * Packed : 0);

    public Span<double> EventZ => Values.AsSpan(Values.Length - P, P);

    public static int Length(int times, int p, bool efron) => times * (1 + p + PackedSymmetric.Length(p)) * (efron ? 2 : 1) + p;

    public static RiskSetSums From(double[] values, int times, int p, bool efron) => new(times, p, efron, values);

    /// <summary>The aggregates of one site's rows at the event times <paramref name="eventGrid"/> (ascending grid indices).</summary>
    /// <param name="rows">Complete cases: grid index of the time, event, covariates z.</param>
    public static RiskSetSums Of(IReadOnlyList<(int Grid, bool Event, double[] Z)> rows, IReadOnlyList<int> eventGrid, ReadOnlySpan<double> beta, TiesMethod ties)
    {
        var p = beta.Length;
        var sums = new RiskSetSums(eventGrid.Count, p, ties == TiesMethod.Efron);
        var order = Enumerable.Range(0, rows.Count).OrderByDescending(i => rows[i].Grid).ThenBy(i => i).ToArray();
        var weights = new double[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var eta = 0.0;
            for (var j = 0; j < p; j++) eta += rows[i].Z[j] * beta[j];
            weights[i] = Math.Exp(eta);
        }

        var packed = PackedSymmetric.Length(p);
        var (s0, s1, s2) = (0.0, new double[p], new double[packed]);
        var next = 0;
        for (var j = eventGrid.Count - 1; j >= 0; j--)
        {
            while (next < order.Length && rows[order[next]].Grid >= eventGrid[j])
            {
                var i = order[next++];
                s0 += weights[i];
                for (var a = 0; a < p; a++) s1[a] += weights[i] * rows[i].Z[a];
                PackedSymmetric.AddOuter(s2, rows[i].Z, weights[i]);
            }

            sums.S0[j] = s0;
            s1.CopyTo(sums.S1.Slice(j * p, p));
            s2.CopyTo(sums.S2.Slice(j * packed, packed));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            if (!rows[i].Event) continue;
            for (var a = 0; a < p; a++) sums.EventZ[a] += rows[i].Z[a];
            if (!sums.Efron) continue;
            var j = BinarySearch(eventGrid, rows[i].Grid);
            if (j < 0) continue;
            sums.D0[j] += weights[i];
            for (var a = 0; a < p; a++) sums.D1[j * p + a] += weights[i] * rows[i].Z[a];
            PackedSymmetric.AddOuter(sums.D2.Slice(j * packed, packed), rows[i].Z, weights[i]);
        }

        return sums;
    }

    private static int BinarySearch(IReadOnlyList<int> sorted, int value)
    {
        var (lo, hi) = (0, sorted.Count - 1);
        while (lo <= hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] == value) return mid;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid - 1;
        }

        return -1;
    }
}
