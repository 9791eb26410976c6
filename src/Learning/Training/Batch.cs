using FedChain.Learning.Data;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>
/// Rows of a site as tensors. <see cref="Target"/> is the label (binary) or the event indicator
/// (survival); survival rows are sorted by time, longest first, so the Cox risk set of row i is
/// rows 0..i (see <see cref="SurvivalOrder"/>).
/// </summary>
internal sealed record Batch(Tensor X, Tensor Target)
{
    public static Batch From(SiteDataset data, IReadOnlyList<int> rows)
    {
        var ordered = data.Times is { } times ? rows.Order(SurvivalOrder(times, data.Events!)).ToArray() : rows;
        var d = data.FeatureCount;
        var x = new float[ordered.Count * d];
        var target = new float[ordered.Count];
        var outcome = data.Labels ?? data.Events!;
        for (var i = 0; i < ordered.Count; i++)
        {
            Array.Copy(data.Features, ordered[i] * d, x, i * d, d);
            target[i] = outcome[ordered[i]];
        }

        return new Batch(tensor(x, [ordered.Count, d]), tensor(target));
    }

    /// <summary>
    /// Time descending; at tied times censored rows first, so each tied event's risk set holds the
    /// censored rows of its time (Breslow). Tied events still see only the ones before them, as in
    /// FLamby's loss; the row index breaks the remaining ties so the order is deterministic.
    /// </summary>
    private static Comparer<int> SurvivalOrder(float[] times, float[] events) => Comparer<int>.Create((a, b) =>
    {
        var byTime = times[b].CompareTo(times[a]);
        if (byTime != 0) return byTime;
        var byEvent = events[a].CompareTo(events[b]);
        return byEvent != 0 ? byEvent : a.CompareTo(b);
    });

    public static Batch All(SiteDataset data) => From(data, Enumerable.Range(0, data.Count).ToArray());
}
