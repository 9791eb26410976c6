namespace FedChain.Learning.Trees;

/// <summary>
/// Where everything sits in a tree ensemble's flat vector (all float32, so it hashes and travels
/// like any model):
/// [0] growth rounds applied (0: the bin edges are not agreed yet), [1] base score,
/// then per feature its edge count, then per feature <c>Bins - 1</c> edge slots (ascending; a value
/// x falls in bin #{edges &lt;= x}), then per tree: 2^D - 1 internal nodes in heap order as
/// (feature, bin) pairs (feature -1: no split, every row goes left; rows with bin &lt;= b go left),
/// then 2^D leaf values (shrinkage included). Leaves of a tree still growing are 0, so a
/// half-built ensemble predicts with its finished trees.
/// </summary>
public sealed class TreeLayout
{
    public TreeLayout(TreeSpec spec, int features)
    {
        Spec = spec;
        Features = features;
        Nodes = (1 << spec.Depth) - 1;
        Leaves = 1 << spec.Depth;
        TreeSize = 2 * Nodes + Leaves;
    }

    public const int Progress = 0;

    public const int BaseScore = 1;

    public const int EdgeCounts = 2;

    public TreeSpec Spec { get; }

    public int Features { get; }

    public int Nodes { get; }

    public int Leaves { get; }

    public int TreeSize { get; }

    public int EdgeSlots => Spec.Bins - 1;

    public int Edges => EdgeCounts + Features;

    public int FirstTree => Edges + Features * EdgeSlots;

    public int ParameterCount => FirstTree + Spec.Trees * TreeSize;

    public int TreeOffset(int tree) => FirstTree + tree * TreeSize;

    public int LeafOffset(int tree) => TreeOffset(tree) + 2 * Nodes;

    /// <summary>The sketch round's vector: per feature, the counts of SketchCells + 2 cells; then the outcome sum.</summary>
    public int SketchLength => Features * SketchCellsWithOverflow + 1;

    public int SketchCellsWithOverflow => Spec.SketchCells + 2;

    /// <summary>A level's vector: per node of the level, per feature, per bin: gradient sum, hessian sum, rows.</summary>
    public int LevelLength(int level) => (1 << level) * Features * Spec.Bins * 3;

    /// <summary>Every round's vector is padded to the longest, so a plan has one update length.</summary>
    public int UpdateLength => Math.Max(SketchLength, LevelLength(Spec.Depth - 1));

    /// <summary>Which tree and level round <paramref name="progress"/> + 1 grows (progress >= 1).</summary>
    public (int Tree, int Level) Growing(int progress) => ((progress - 1) / Spec.Depth, (progress - 1) % Spec.Depth);

    public bool Complete(int progress) => progress >= Spec.Rounds;
}
