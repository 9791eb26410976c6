namespace FedChain.Learning.Trees;

/// <summary>Reads a tree ensemble's flat vector (<see cref="TreeLayout"/>): bins, routing and scores, in plain C#.</summary>
internal readonly struct TreeEnsemble(TreeLayout layout, float[] vector)
{
    public int Progress => (int)vector[TreeLayout.Progress];

    public float BaseScore => vector[TreeLayout.BaseScore];

    public int EdgeCount(int feature) => (int)vector[TreeLayout.EdgeCounts + feature];

    public float Edge(int feature, int bin) => vector[layout.Edges + feature * layout.EdgeSlots + bin];

    /// <summary>The bin of <paramref name="x"/>: how many of the feature's edges are at or below it.</summary>
    public int Bin(int feature, float x)
    {
        int lo = 0, hi = EdgeCount(feature);
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (Edge(feature, mid) <= x) lo = mid + 1;
            else hi = mid;
        }

        return lo;
    }

    /// <summary>The heap index of the node that a row reaches after <paramref name="levels"/> levels of tree <paramref name="tree"/>.</summary>
    public int Route(int tree, ReadOnlySpan<float> row, int levels)
    {
        var node = 0;
        var offset = layout.TreeOffset(tree);
        for (var level = 0; level < levels; level++)
        {
            var feature = (int)vector[offset + 2 * node];
            var left = feature < 0 || row[feature] < Edge(feature, (int)vector[offset + 2 * node + 1]);
            node = 2 * node + (left ? 1 : 2);
        }

        return node;
    }

    /// <summary>The raw score of one row: base score plus the leaf of every finished tree.</summary>
    public double Score(ReadOnlySpan<float> row)
    {
        double score = BaseScore;
        var finished = Math.Max(0, Progress - 1) / layout.Spec.Depth;
        for (var tree = 0; tree < finished; tree++)
        {
            score += vector[layout.LeafOffset(tree) + Route(tree, row, layout.Spec.Depth) - layout.Nodes];
        }

        return score;
    }
}
