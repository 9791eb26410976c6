namespace FedChain.Learning.Aggregation;

/// <summary>
/// The round's dequantised aggregate: the sample-weighted mean model delta and, for SCAFFOLD, the
/// sample-weighted mean control-variate delta.
/// </summary>
public sealed record AggregatedUpdate(float[] MeanDelta, float[]? MeanControlDelta, long TotalSamples, int Participants)
{
    /// <summary>Splits a mean update vector of [model delta, control delta] at the parameter count.</summary>
    public static AggregatedUpdate FromMeanVector(float[] mean, int parameterCount, bool hasControl, long totalSamples, int participants)
    {
        var expected = hasControl ? 2 * parameterCount : parameterCount;
        if (mean.Length != expected) throw new ArgumentException($"an aggregate of {mean.Length} values does not fit {parameterCount} parameters{(hasControl ? " plus control variates" : "")}", nameof(mean));
        return new AggregatedUpdate(mean[..parameterCount], hasControl ? mean[parameterCount..] : null, totalSamples, participants);
    }
}
