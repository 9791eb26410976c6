using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Training;

namespace FedChain.Learning.Trees;

/// <summary>
/// A site's side of one growth round, as a pure function of the global ensemble and its rows. The
/// round is read off the ensemble itself (<see cref="TreeLayout.Progress"/>), so the node needs no
/// tree-specific schedule:
/// <list type="bullet">
/// <item>before the bin edges are agreed: counts of the site's standardised values in the sketch's
/// equal-width cells, per feature, and its outcome sum (for the base score);</item>
/// <item>then, for the level being grown: per node of the level, per feature, per bin, the sums of
/// gradient, hessian and rows of the site's rows that reach that node (XGBoost's "hist" method).</item>
/// </list>
/// Sums, not means: the fixed-point sum of every site's vector is the consortium's histogram.
/// </summary>
public static class HistogramStep
{
    public static ClientUpdate Run(BoostedTreesModel model, TaskKind task, float[] global, SiteDataset train, ClientState state)
    {
        var layout = model.Layout;
        var ensemble = new TreeEnsemble(layout, global);
        var progress = ensemble.Progress;
        if (layout.Complete(progress)) throw new InvalidOperationException($"the ensemble is complete after {progress} growth rounds; the plan has no round left for it");
        var vector = new float[layout.UpdateLength];
        var outcome = train.Labels ?? throw new ArgumentException($"site '{train.Site}' has no label or count column for boosted trees", nameof(train));
        if (progress == 0) return new ClientUpdate(Sketch(layout, train, outcome, vector), train.Count, state, double.NaN);

        var (tree, level) = layout.Growing(progress);
        var sums = new double[layout.LevelLength(level)];
        var firstNode = (1 << level) - 1;
        var bins = layout.Spec.Bins;
        var loss = 0.0;
        var scores = ScoreCache.Scores(layout, global, train);
        for (var i = 0; i < train.Count; i++)
        {
            var row = train.Features.AsSpan(i * train.FeatureCount, train.FeatureCount);
            var (g, h, l) = TreeObjective.Of(task, layout.Spec, scores[i], outcome[i]);
            loss += l;
            var node = ensemble.Route(tree, row, level) - firstNode;
            for (var f = 0; f < layout.Features; f++)
            {
                var cell = ((node * layout.Features + f) * bins + ensemble.Bin(f, row[f])) * 3;
                sums[cell] += g;
                sums[cell + 1] += h;
                sums[cell + 2] += 1;
            }
        }

        for (var i = 0; i < sums.Length; i++) vector[i] = (float)sums[i];
        return new ClientUpdate(vector, train.Count, state, train.Count == 0 ? double.NaN : loss / train.Count);
    }

    private static float[] Sketch(TreeLayout layout, SiteDataset train, float[] outcome, float[] vector)
    {
        var cells = layout.SketchCellsWithOverflow;
        var range = layout.Spec.SketchRange;
        var width = 2 * range / layout.Spec.SketchCells;
        double outcomeSum = 0;
        for (var i = 0; i < train.Count; i++)
        {
            outcomeSum += outcome[i];
            for (var f = 0; f < layout.Features; f++)
            {
                vector[f * cells + SketchCell(train.Features[i * train.FeatureCount + f], range, width, layout.Spec.SketchCells)] += 1;
            }
        }

        vector[layout.Features * cells] = (float)outcomeSum;
        return vector;
    }

    /// <summary>Cell 0 holds x &lt; -range, cells 1..C the equal-width cells [-range + (j-1)w, -range + jw), cell C+1 holds x &gt;= range.</summary>
    internal static int SketchCell(float x, double range, double width, int cells)
    {
        if (x < -range) return 0;
        if (x >= range) return cells + 1;
        return Math.Min(cells, 1 + (int)Math.Floor((x + range) / width));
    }
}
