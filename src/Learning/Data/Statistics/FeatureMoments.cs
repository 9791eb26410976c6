namespace FedChain.Learning.Data.Statistics;

/// <summary>
/// A site's contribution to federated standardisation: row count, and per feature the sum and the
/// sum of squares. Moments add, so the global mean and variance need only the element-wise sum of
/// every site's <see cref="ToVector"/>, which the network can carry under secure aggregation
/// without any site revealing its own moments.
/// </summary>
public sealed record FeatureMoments(long Count, double[] Sum, double[] SumOfSquares)
{
    public int FeatureCount => Sum.Length;

    public static FeatureMoments Of(SiteDataset data)
    {
        var d = data.FeatureCount;
        var sum = new double[d];
        var squares = new double[d];
        for (var row = 0; row < data.Count; row++)
        {
            for (var j = 0; j < d; j++)
            {
                double x = data.Features[row * d + j];
                sum[j] += x;
                squares[j] += x * x;
            }
        }

        return new FeatureMoments(data.Count, sum, squares);
    }

    /// <summary>The consortium-wide moments, summed in the given order.</summary>
    public static FeatureMoments Combine(IReadOnlyList<FeatureMoments> sites)
    {
        if (sites.Count == 0) throw new ArgumentException("no site moments to combine", nameof(sites));
        var vector = new double[sites[0].ToVector().Length];
        foreach (var site in sites)
        {
            var v = site.ToVector();
            if (v.Length != vector.Length) throw new ArgumentException($"site moments have {site.FeatureCount} features, expected {sites[0].FeatureCount}", nameof(sites));
            for (var i = 0; i < v.Length; i++) vector[i] += v[i];
        }

        return FromVector(vector);
    }

    /// <summary>Flat form for transport: [count, sum_1..sum_d, sumsq_1..sumsq_d].</summary>
    public double[] ToVector() => [Count, .. Sum, .. SumOfSquares];

    public static FeatureMoments FromVector(double[] vector)
    {
        if (vector.Length < 1 || (vector.Length - 1) % 2 != 0) throw new ArgumentException($"a moments vector has odd length 1 + 2d, got {vector.Length}", nameof(vector));
        var d = (vector.Length - 1) / 2;
        return new FeatureMoments((long)vector[0], vector[1..(1 + d)], vector[(1 + d)..]);
    }

    /// <summary>Mean and population standard deviation per feature.</summary>
    public Standardiser ToStandardiser()
    {
        if (Count == 0) throw new InvalidOperationException("cannot standardise with zero rows");
        var mean = new float[FeatureCount];
        var std = new float[FeatureCount];
        for (var j = 0; j < FeatureCount; j++)
        {
            var m = Sum[j] / Count;
            var variance = Math.Max(0, SumOfSquares[j] / Count - m * m);
            mean[j] = (float)m;
            std[j] = (float)Math.Sqrt(variance);
        }

        return new Standardiser(mean, std);
    }
}
