using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Trees;

/// <summary>
/// The server rule of boosted trees: turns the consortium's summed histograms into the next
/// ensemble, in scalar double arithmetic in a fixed order, so every node grows the same tree.
/// The sketch round agrees the bin edges (quantiles of the summed cell counts, as XGBoost's
/// weighted quantile sketch proposes candidates, Chen &amp; Guestrin 2016 §3.3) and the base score;
/// each later round picks every node's best split of one level by second-order gain
/// (ibid., eq. 7), and the last level of a tree also sets its leaves to -eta G / (H + lambda).
/// </summary>
public sealed class TreeGrowthRule(BoostedTreesModel model, TaskKind task) : IServerRule
{
    private TreeLayout Layout => model.Layout;

    public (float[] Global, ServerState State) Apply(float[] global, AggregatedUpdate update, ServerState state, int members)
    {
        if (update.MeanDelta.Length != Layout.UpdateLength) throw new ArgumentException($"a tree round's aggregate has {Layout.UpdateLength} values, got {update.MeanDelta.Length}", nameof(update));
        var next = (float[])global.Clone();
        var progress = (int)global[TreeLayout.Progress];
        if (Layout.Complete(progress)) throw new InvalidOperationException($"the ensemble is complete after {progress} growth rounds");
        // The aggregate is the mean over the round's rows; the histograms are sums.
        var sums = new double[update.MeanDelta.Length];
        for (var i = 0; i < sums.Length; i++) sums[i] = (double)update.MeanDelta[i] * update.TotalSamples;
        if (progress == 0) AgreeBins(next, sums, update.TotalSamples);
        else GrowLevel(next, sums, progress);
        next[TreeLayout.Progress] = progress + 1;
        return (next, state with { RoundsApplied = state.RoundsApplied + 1 });
    }

    private void AgreeBins(float[] next, double[] sums, long rows)
    {
        var cells = Layout.SketchCellsWithOverflow;
        var spec = Layout.Spec;
        var width = 2 * spec.SketchRange / spec.SketchCells;
        next[TreeLayout.BaseScore] = (float)TreeObjective.BaseScore(task, sums[Layout.Features * cells], rows);
        for (var f = 0; f < Layout.Features; f++)
        {
            var total = 0.0;
            for (var c = 0; c < cells; c++) total += sums[f * cells + c];
            var edges = 0;
            var cumulative = 0.0;
            var k = 1;
            // The boundary after cell c (c = 0..SketchCells) lies at -range + c * width.
            for (var c = 0; c < cells - 1 && k < spec.Bins; c++)
            {
                cumulative += sums[f * cells + c];
                if (cumulative < k * total / spec.Bins - 0.5) continue;
                // An edge with no rows on one side splits nothing: skip it.
                if (cumulative > 0.5 && total - cumulative > 0.5)
                {
                    next[Layout.Edges + f * Layout.EdgeSlots + edges] = (float)(-spec.SketchRange + c * width);
                    edges++;
                }

                while (k < spec.Bins && cumulative >= k * total / spec.Bins - 0.5) k++;
            }

            next[TreeLayout.EdgeCounts + f] = edges;
        }
    }

    private void GrowLevel(float[] next, double[] sums, int progress)
    {
        var (tree, level) = Layout.Growing(progress);
        var spec = Layout.Spec;
        var ensemble = new TreeEnsemble(Layout, next);
        var offset = Layout.TreeOffset(tree);
        var firstNode = (1 << level) - 1;
        for (var node = 0; node < 1 << level; node++)
        {
            var split = BestSplit(ensemble, sums, node);
            next[offset + 2 * (firstNode + node)] = split?.Feature ?? -1;
            next[offset + 2 * (firstNode + node) + 1] = split?.Bin ?? 0;
            if (level < spec.Depth - 1) continue;

            // The last level: its children are the leaves. A node without a split sends every row left.
            var (left, right) = split is { } s ? (s.Left, s.Right) : (Total(sums, node, 0), new Stats(0, 0, 0));
            var leaves = Layout.LeafOffset(tree) + 2 * (firstNode + node) + 1 - Layout.Nodes;
            next[leaves] = (float)Weight(left);
            next[leaves + 1] = (float)Weight(right);
        }
    }

    private readonly record struct Stats(double Gradient, double Hessian, double Rows);

    private sealed record Split(int Feature, int Bin, double Gain, Stats Left, Stats Right);

    private double Weight(Stats s) => s.Rows < 0.5 ? 0 : -Layout.Spec.LearningRate * s.Gradient / (s.Hessian + Layout.Spec.Lambda);

    private double Score(Stats s) => s.Gradient * s.Gradient / (s.Hessian + Layout.Spec.Lambda);

    private Stats Total(double[] sums, int node, int feature)
    {
        double g = 0, h = 0, n = 0;
        for (var b = 0; b < Layout.Spec.Bins; b++)
        {
            var cell = Cell(node, feature, b);
            g += sums[cell];
            h += sums[cell + 1];
            n += sums[cell + 2];
        }

        return new Stats(g, h, n);
    }

    private int Cell(int node, int feature, int bin) => ((node * Layout.Features + feature) * Layout.Spec.Bins + bin) * 3;

    /// <summary>The split of largest positive gain whose children both meet the minimum rows and hessian; ties keep the first (feature, bin).</summary>
    private Split? BestSplit(TreeEnsemble ensemble, double[] sums, int node)
    {
        var spec = Layout.Spec;
        Split? best = null;
        for (var f = 0; f < Layout.Features; f++)
        {
            var total = Total(sums, node, f);
            if (total.Rows < 0.5) return null;
            var parent = Score(total);
            double g = 0, h = 0, n = 0;
            for (var b = 0; b < ensemble.EdgeCount(f); b++)
            {
                var cell = Cell(node, f, b);
                g += sums[cell];
                h += sums[cell + 1];
                n += sums[cell + 2];
                var left = new Stats(g, h, n);
                var right = new Stats(total.Gradient - g, total.Hessian - h, total.Rows - n);
                if (left.Rows < spec.MinChildRows - 0.5 || right.Rows < spec.MinChildRows - 0.5) continue;
                if (left.Rows < 0.5 || right.Rows < 0.5) continue;
                if (left.Hessian < spec.MinChildWeight || right.Hessian < spec.MinChildWeight) continue;
                var gain = Score(left) + Score(right) - parent;
                if (gain > 1e-12 && (best is null || gain > best.Gain)) best = new Split(f, b, gain, left, right);
            }
        }

        return best;
    }
}
