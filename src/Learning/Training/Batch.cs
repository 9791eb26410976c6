using FedChain.Learning.Data;
using static TorchSharp.torch;

namespace FedChain.Learning.Training;

/// <summary>
/// Rows of a site as tensors. <see cref="Target"/> is the label (binary) or the event indicator
/// (survival); survival rows are sorted by time, longest first, so the Cox risk set of row i is
/// rows 0..i.
/// </summary>
internal sealed record Batch(Tensor X, Tensor Target)
{
    public static Batch From(SiteDataset data, IReadOnlyList<int> rows)
    {
        var ordered = data.Times is { } times
            ? rows.Order(Comparer<int>.Create((a, b) => times[b].CompareTo(times[a]) is var c && c != 0 ? c : a.CompareTo(b))).ToArray()
            : rows;
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

    public static Batch All(SiteDataset data) => From(data, Enumerable.Range(0, data.Count).ToArray());
}
