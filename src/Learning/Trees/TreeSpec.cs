namespace FedChain.Learning.Trees;

/// <summary>
/// A boosted-tree ensemble grown from federated histograms, as XGBoost's "hist" method grows it
/// (Chen &amp; Guestrin 2016, §3.3 and Alg. 2) and as SecureBoost shares it (Cheng et al. 2021):
/// second-order gain, leaf weight -eta G / (H + lambda), splits on agreed bin edges.
/// </summary>
/// <param name="Trees">Boosting rounds (trees in the ensemble).</param>
/// <param name="Depth">Levels of every tree; a tree has up to 2^Depth leaves.</param>
/// <param name="Bins">Most bins per feature (LightGBM's max_bin).</param>
/// <param name="LearningRate">Shrinkage eta applied to every leaf.</param>
/// <param name="Lambda">L2 penalty on leaf weights (XGBoost's lambda, LightGBM's lambda_l2).</param>
/// <param name="MinChildWeight">Smallest hessian sum a child may have (min_sum_hessian_in_leaf).</param>
/// <param name="MinChildRows">Fewest rows a child may have (LightGBM's min_data_in_leaf).</param>
/// <param name="SketchRange">The bin-edge sketch covers standardised values in [-range, range], plus two overflow cells.</param>
/// <param name="SketchCells">Equal-width cells of the sketch; bin edges are chosen among their boundaries.</param>
/// <param name="PoissonMaxDeltaStep">Poisson only: the hessian is exp(score + this), as XGBoost and LightGBM do to keep early steps small.</param>
public sealed record TreeSpec(
    int Trees,
    int Depth,
    int Bins = 32,
    double LearningRate = 0.1,
    double Lambda = 1,
    double MinChildWeight = 1e-3,
    int MinChildRows = 20,
    double SketchRange = 5,
    int SketchCells = 256,
    double PoissonMaxDeltaStep = 0.7)
{
    /// <summary>Rounds a plan needs: one to agree the bin edges, then one per level of every tree.</summary>
    public int Rounds => 1 + Trees * Depth;

    public void Validate()
    {
        if (Trees < 1) throw new ArgumentException($"model trees.trees must be above 0, got {Trees}");
        if (Depth is < 1 or > 10) throw new ArgumentException($"model trees.depth must be in [1, 10], got {Depth}");
        if (Bins is < 2 or > 1024) throw new ArgumentException($"model trees.bins must be in [2, 1024], got {Bins}");
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"model trees.learningRate must be a positive number, got {LearningRate}");
        if (!(Lambda >= 0) || !double.IsFinite(Lambda)) throw new ArgumentException($"model trees.lambda must be >= 0, got {Lambda}");
        if (!(MinChildWeight >= 0) || !double.IsFinite(MinChildWeight)) throw new ArgumentException($"model trees.minChildWeight must be >= 0, got {MinChildWeight}");
        if (MinChildRows < 0) throw new ArgumentException($"model trees.minChildRows cannot be negative, got {MinChildRows}");
        if (!(SketchRange > 0) || !double.IsFinite(SketchRange)) throw new ArgumentException($"model trees.sketchRange must be a positive number, got {SketchRange}");
        if (SketchCells < Bins) throw new ArgumentException($"model trees.sketchCells ({SketchCells}) must be at least bins ({Bins})");
        if (!(PoissonMaxDeltaStep >= 0) || !double.IsFinite(PoissonMaxDeltaStep)) throw new ArgumentException($"model trees.poissonMaxDeltaStep must be >= 0, got {PoissonMaxDeltaStep}");
    }
}
