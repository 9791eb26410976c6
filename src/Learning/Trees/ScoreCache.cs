using System.Runtime.CompilerServices;
using FedChain.Learning.Data;

namespace FedChain.Learning.Trees;

/// <summary>
/// A site's running ensemble scores between growth rounds, so a round adds only the trees finished
/// since the last one instead of routing every row through every tree again. The sums are formed in
/// the same order as <see cref="TreeEnsemble.Score"/> (base score, then tree 0, 1, ... in double),
/// so a cached score has the same bits as a fresh one; the cache is used only while the ensemble's
/// base score and finished trees are exactly the ones it summed, else it starts over.
/// </summary>
internal sealed class ScoreCache
{
    private static readonly ConditionalWeakTable<SiteDataset, ScoreCache> Caches = [];

    private readonly Lock _gate = new();
    private float[] _summedPrefix = [];
    private double[] _scores = [];
    private int _trees;

    public static double[] Scores(TreeLayout layout, float[] global, SiteDataset data)
    {
        var cache = Caches.GetValue(data, _ => new ScoreCache());
        lock (cache._gate) return cache.Update(layout, global, data);
    }

    private double[] Update(TreeLayout layout, float[] global, SiteDataset data)
    {
        var ensemble = new TreeEnsemble(layout, global);
        var finished = Math.Max(0, ensemble.Progress - 1) / layout.Spec.Depth;
        var prefixEnd = layout.TreeOffset(_trees);
        if (_scores.Length != data.Count || _trees > finished || _summedPrefix.Length != prefixEnd || !global.AsSpan(TreeLayout.BaseScore, prefixEnd - TreeLayout.BaseScore).SequenceEqual(_summedPrefix.AsSpan(TreeLayout.BaseScore)))
        {
            _scores = new double[data.Count];
            Array.Fill(_scores, ensemble.BaseScore);
            _trees = 0;
        }

        for (var tree = _trees; tree < finished; tree++)
        {
            for (var i = 0; i < data.Count; i++)
            {
                var row = data.Features.AsSpan(i * data.FeatureCount, data.FeatureCount);
                _scores[i] += global[layout.LeafOffset(tree) + ensemble.Route(tree, row, layout.Spec.Depth) - layout.Nodes];
            }
        }

        _trees = finished;
        _summedPrefix = global[..layout.TreeOffset(finished)];
        return _scores;
    }
}
