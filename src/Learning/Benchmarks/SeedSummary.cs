namespace FedChain.Learning.Benchmarks;

/// <summary>A figure over the seeds: its mean and population standard deviation, as every benchmark reports it.</summary>
public static class SeedSummary
{
    public static (double Mean, double Sd) Of(IEnumerable<double> perSeed)
    {
        var values = perSeed.ToArray();
        var mean = values.Average();
        return (mean, Math.Sqrt(values.Select(v => (v - mean) * (v - mean)).Average()));
    }
}
