namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// Poisson sampling: every record joins the batch independently with probability q, so batch sizes
/// vary. This is the sampling the RDP analysis of the sampled Gaussian mechanism assumes
/// (Mironov, Talwar and Zhang 2019); fixed-size shuffled batches would need another analysis.
/// </summary>
public static class PoissonSampler
{
    public static long[] Sample(long count, double sampleRate, NoiseSource random)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (!(sampleRate is >= 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate must lie in [0, 1]");
        var chosen = new List<long>();
        for (long i = 0; i < count; i++)
        {
            if (random.NextUniform() < sampleRate) chosen.Add(i);
        }
        return [.. chosen];
    }
}
