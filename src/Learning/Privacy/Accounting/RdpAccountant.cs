namespace FedChain.Learning.Privacy.Accounting;

/// <summary>
/// Composes sampled Gaussian steps in Rényi DP (RDP adds up over steps, Mironov 2017, Prop. 1) and
/// reports the (epsilon, delta) guarantee of everything recorded so far. Not thread-safe.
/// </summary>
public sealed class RdpAccountant
{
    private readonly List<SampledGaussianSteps> _history = [];
    private readonly Dictionary<(double SampleRate, double NoiseMultiplier), double[]> _perStepRdp = [];
    private readonly double[] _rdp;

    /// <param name="orders">Rényi orders to track; <see cref="RdpOrders.Default"/> when null.</param>
    public RdpAccountant(IReadOnlyList<double>? orders = null)
    {
        Orders = orders ?? RdpOrders.Default;
        if (Orders.Count == 0) throw new ArgumentException("need at least one Rényi order", nameof(orders));
        _rdp = new double[Orders.Count];
    }

    public IReadOnlyList<double> Orders { get; }

    /// <summary>Everything recorded, in order; replaying it into a fresh accountant gives the same guarantee.</summary>
    public IReadOnlyList<SampledGaussianSteps> History => _history;

    /// <summary>The composed RDP at each of <see cref="Orders"/>.</summary>
    public IReadOnlyList<double> Rdp => _rdp;

    public long TotalSteps => _history.Sum(h => h.Steps);

    public void Record(double sampleRate, double noiseMultiplier, long steps) =>
        Record(new SampledGaussianSteps(sampleRate, noiseMultiplier, steps));

    public void Record(SampledGaussianSteps steps)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(steps.Steps);
        var perStep = PerStepRdp(steps.SampleRate, steps.NoiseMultiplier);
        for (var i = 0; i < _rdp.Length; i++) _rdp[i] += perStep[i] * steps.Steps;
        _history.Add(steps);
    }

    /// <summary>The guarantee of everything recorded so far.</summary>
    public PrivacySpent GetPrivacySpent(double delta, EpsilonConversion conversion = EpsilonConversion.Improved) =>
        RdpConversion.ToEpsilon(Orders, _rdp, delta, conversion);

    /// <summary>The guarantee if <paramref name="next"/> were recorded as well; records nothing.</summary>
    public PrivacySpent PeekPrivacySpent(SampledGaussianSteps next, double delta, EpsilonConversion conversion = EpsilonConversion.Improved)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(next.Steps);
        var perStep = PerStepRdp(next.SampleRate, next.NoiseMultiplier);
        var rdp = new double[_rdp.Length];
        for (var i = 0; i < rdp.Length; i++) rdp[i] = _rdp[i] + perStep[i] * next.Steps;
        return RdpConversion.ToEpsilon(Orders, rdp, delta, conversion);
    }

    /// <summary>The epsilon of <paramref name="steps"/> steps alone, from a fresh accountant.</summary>
    public static double Epsilon(
        double sampleRate, double noiseMultiplier, long steps, double delta,
        EpsilonConversion conversion = EpsilonConversion.Improved, IReadOnlyList<double>? orders = null) =>
        new RdpAccountant(orders).PeekPrivacySpent(new SampledGaussianSteps(sampleRate, noiseMultiplier, steps), delta, conversion).Epsilon;

    // Training repeats the same (q, sigma) thousands of times: compute its per-step curve once.
    private double[] PerStepRdp(double sampleRate, double noiseMultiplier)
    {
        if (!_perStepRdp.TryGetValue((sampleRate, noiseMultiplier), out var perStep))
        {
            perStep = SampledGaussianRdp.Compute(sampleRate, noiseMultiplier, Orders);
            _perStepRdp[(sampleRate, noiseMultiplier)] = perStep;
        }
        return perStep;
    }
}
