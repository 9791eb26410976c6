using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>The parameters of DP-SGD (Abadi et al. 2016, Algorithm 1) with Poisson sampling.</summary>
public sealed record DpSgdOptions
{
    /// <summary>C: each record's gradient is clipped to this L2 norm. Default 1.</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>sigma: the noise's standard deviation is sigma * C, added to the sum of clipped gradients. Default 1.</summary>
    public double NoiseMultiplier { get; init; } = 1.0;

    /// <summary>q: each record joins a step's batch with this probability; the expected batch size is q * N. Required.</summary>
    public double SampleRate { get; init; }

    /// <summary>
    /// N in the divisor q * N. Null (default): the records passed to each step. A training plan sets
    /// each member's declared count here, so the private gradient's scale is a public constant and
    /// does not depend on how many records the member holds now (docs/privacy.md, "Counts").
    /// </summary>
    public long? DeclaredRecords { get; init; }

    /// <summary>
    /// The options for a run of <paramref name="totalSteps"/> steps (all rounds' local steps) over
    /// <paramref name="records"/> local records with the given expected batch size, with the least
    /// noise that keeps the whole run within (<paramref name="epsilon"/>, <paramref name="delta"/>).
    /// </summary>
    public static DpSgdOptions ForBudget(
        double epsilon, double delta, long records, double expectedBatchSize, long totalSteps,
        double clipNorm = 1.0, EpsilonConversion conversion = EpsilonConversion.Improved)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        if (!(expectedBatchSize > 0 && expectedBatchSize <= records))
            throw new ArgumentOutOfRangeException(nameof(expectedBatchSize), expectedBatchSize, $"expected batch size must lie in (0, {records}]");
        var sampleRate = expectedBatchSize / records;
        return new DpSgdOptions
        {
            ClipNorm = clipNorm,
            SampleRate = sampleRate,
            NoiseMultiplier = NoiseMultiplierSearch.ForTargetEpsilon(epsilon, sampleRate, totalSteps, delta, conversion),
        }.Validate();
    }

    /// <summary>Throws naming the first option out of range.</summary>
    public DpSgdOptions Validate()
    {
        if (!(ClipNorm > 0) || double.IsPositiveInfinity(ClipNorm))
            throw new ArgumentOutOfRangeException(nameof(ClipNorm), ClipNorm, "DP-SGD clipping norm must be finite and > 0");
        if (!(NoiseMultiplier > 0) || double.IsPositiveInfinity(NoiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(NoiseMultiplier), NoiseMultiplier, "DP-SGD noise multiplier must be finite and > 0");
        if (!(SampleRate is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(SampleRate), SampleRate, "DP-SGD sample rate must lie in (0, 1]");
        if (DeclaredRecords is < 1)
            throw new ArgumentOutOfRangeException(nameof(DeclaredRecords), DeclaredRecords, "DP-SGD declared record count must be at least 1");
        return this;
    }
}
