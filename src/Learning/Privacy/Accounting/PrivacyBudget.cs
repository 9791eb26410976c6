namespace FedChain.Learning.Privacy.Accounting;

/// <summary>
/// A member's (epsilon, delta) budget and what it has spent. Training asks before each step and is
/// refused once the next step would exceed the budget, so the guarantee holds by construction.
/// </summary>
public sealed class PrivacyBudget
{
    /// <param name="epsilon">The most epsilon this member may ever spend (the plan's per-member budget).</param>
    /// <param name="delta">The delta at which epsilon is measured.</param>
    /// <param name="conversion">How RDP becomes epsilon; the default is the tighter rule.</param>
    /// <param name="spent">Steps already taken (for example replayed from the node's store after a restart).</param>
    public PrivacyBudget(double epsilon, double delta, EpsilonConversion conversion = EpsilonConversion.Improved,
        IEnumerable<SampledGaussianSteps>? spent = null)
    {
        if (!(epsilon > 0) || double.IsPositiveInfinity(epsilon))
            throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "epsilon budget must be finite and > 0");
        if (!(delta is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "delta must lie in (0, 1)");
        Epsilon = epsilon;
        Delta = delta;
        Conversion = conversion;
        foreach (var steps in spent ?? []) Accountant.Record(steps);
        if (Spent.Epsilon > Epsilon)
            throw new PrivacyBudgetExhaustedException($"the recorded history already spends epsilon {Spent.Epsilon:G6}, past the budget {Epsilon:G6}");
    }

    public double Epsilon { get; }

    public double Delta { get; }

    public EpsilonConversion Conversion { get; }

    /// <summary>The accountant holding every step spent so far.</summary>
    public RdpAccountant Accountant { get; } = new();

    public PrivacySpent Spent => Accountant.GetPrivacySpent(Delta, Conversion);

    public double RemainingEpsilon => Math.Max(0, Epsilon - Spent.Epsilon);

    /// <summary>Whether <paramref name="steps"/> more steps at (q, sigma) would stay within the budget.</summary>
    public bool CanAfford(double sampleRate, double noiseMultiplier, long steps) =>
        Accountant.PeekPrivacySpent(new SampledGaussianSteps(sampleRate, noiseMultiplier, steps), Delta, Conversion).Epsilon <= Epsilon;

    /// <summary>Records the steps, or throws <see cref="PrivacyBudgetExhaustedException"/> and records nothing.</summary>
    public void Spend(double sampleRate, double noiseMultiplier, long steps = 1)
    {
        var next = new SampledGaussianSteps(sampleRate, noiseMultiplier, steps);
        var after = Accountant.PeekPrivacySpent(next, Delta, Conversion);
        if (after.Epsilon > Epsilon)
            throw new PrivacyBudgetExhaustedException(
                $"{steps} more step(s) at sample rate {sampleRate:G6} and noise multiplier {noiseMultiplier:G6} would spend epsilon {after.Epsilon:G6} at delta {Delta:G3}, past the budget {Epsilon:G6} (spent so far {Spent.Epsilon:G6})");
        Accountant.Record(next);
    }

    /// <summary>How many more steps at (q, sigma) fit in the budget.</summary>
    public long AffordableSteps(double sampleRate, double noiseMultiplier)
    {
        if (!CanAfford(sampleRate, noiseMultiplier, 1)) return 0;
        long fits = 1, tooMany = 2;
        while (CanAfford(sampleRate, noiseMultiplier, tooMany))
        {
            fits = tooMany;
            if (tooMany > long.MaxValue / 4) return fits; // noise so large that the budget never binds
            tooMany *= 2;
        }
        while (tooMany - fits > 1)
        {
            var middle = fits + (tooMany - fits) / 2;
            if (CanAfford(sampleRate, noiseMultiplier, middle)) fits = middle;
            else tooMany = middle;
        }
        return fits;
    }
}
