namespace FedChain.Learning.Data.Statistics;

/// <summary>Z-scores features: (x - mean) / (std + 1e-9), FLamby's form, so a constant column maps to 0.</summary>
public sealed record Standardiser(float[] Mean, float[] Std)
{
    private const double Epsilon = 1e-9;

    public SiteDataset Apply(SiteDataset data)
    {
        var d = data.FeatureCount;
        var features = new float[data.Features.Length];
        for (var i = 0; i < features.Length; i++)
        {
            var j = i % d;
            features[i] = (float)((data.Features[i] - Mean[j]) / (Std[j] + Epsilon));
        }

        return data with { Features = features };
    }
}
