using System.Globalization;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Trees.LightGbm;

/// <summary>
/// LightGBM (Ke et al. 2017) trained on pooled rows, with the federated trees' settings mapped onto
/// its parameters: the baseline that federated trees are compared with, never part of a plan.
/// One thread and deterministic mode, so its figures repeat.
/// </summary>
public sealed class PooledLightGbm : IDisposable
{
    private IntPtr _booster;
    private readonly int _features;

    private PooledLightGbm(IntPtr booster, int features)
    {
        _booster = booster;
        _features = features;
    }

    /// <summary>The LightGBM parameter string for <paramref name="spec"/>: depth-limited trees with up to 2^depth leaves, the same bins, shrinkage, L2 and child limits.</summary>
    public static string Parameters(TreeSpec spec, TaskKind task, long seed) => string.Create(CultureInfo.InvariantCulture,
        $"objective={(task == TaskKind.Count ? "poisson" : "binary")} num_leaves={1 << spec.Depth} max_depth={spec.Depth} learning_rate={spec.LearningRate} " +
        $"lambda_l2={spec.Lambda} min_data_in_leaf={spec.MinChildRows} min_sum_hessian_in_leaf={spec.MinChildWeight} max_bin={spec.Bins} " +
        $"poisson_max_delta_step={spec.PoissonMaxDeltaStep} num_threads=1 deterministic=true force_row_wise=true seed={seed} verbose=-1");

    public static PooledLightGbm Train(SiteDataset rows, TreeSpec spec, TaskKind task, long seed)
    {
        var parameters = Parameters(spec, task, seed);
        var x = Array.ConvertAll(rows.Features, v => (double)v);
        LightGbmNative.Check(LightGbmNative.LGBM_DatasetCreateFromMat(x, LightGbmNative.Float64, rows.Count, rows.FeatureCount, 1, parameters, IntPtr.Zero, out var dataset), "DatasetCreateFromMat");
        try
        {
            var labels = rows.Labels ?? throw new ArgumentException($"rows of '{rows.Site}' have no label or count", nameof(rows));
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetSetField(dataset, "label", labels, labels.Length, LightGbmNative.Float32), "DatasetSetField");
            LightGbmNative.Check(LightGbmNative.LGBM_BoosterCreate(dataset, parameters, out var booster), "BoosterCreate");
            for (var i = 0; i < spec.Trees; i++)
            {
                LightGbmNative.Check(LightGbmNative.LGBM_BoosterUpdateOneIter(booster, out var finished), "BoosterUpdateOneIter");
                if (finished != 0) break;
            }

            return new PooledLightGbm(booster, rows.FeatureCount);
        }
        finally
        {
            LightGbmNative.Check(LightGbmNative.LGBM_DatasetFree(dataset), "DatasetFree");
        }
    }

    /// <summary>Raw scores (logits, or log means for Poisson), one per row.</summary>
    public float[] Predict(SiteDataset rows)
    {
        if (rows.FeatureCount != _features) throw new ArgumentException($"the model has {_features} features, the rows {rows.FeatureCount}", nameof(rows));
        if (rows.Count == 0) return [];
        var result = new double[rows.Count];
        LightGbmNative.Check(LightGbmNative.LGBM_BoosterPredictForMat(_booster, Array.ConvertAll(rows.Features, v => (double)v), LightGbmNative.Float64, rows.Count, rows.FeatureCount, 1,
            LightGbmNative.PredictRawScore, 0, -1, "num_threads=1", out _, result), "BoosterPredictForMat");
        return Array.ConvertAll(result, v => (float)v);
    }

    public void Dispose()
    {
        if (_booster == IntPtr.Zero) return;
        LightGbmNative.LGBM_BoosterFree(_booster);
        _booster = IntPtr.Zero;
    }
}
