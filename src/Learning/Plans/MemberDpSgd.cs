using System.Collections.Concurrent;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Privacy.Accounting;
using FedChain.Learning.Privacy.DpSgd;

namespace FedChain.Learning.Plans;

/// <summary>
/// The DP-SGD one member runs under a plan, computed from public plan values only (its declared
/// count, never its current one), so every node and auditor derives the same sampling rate, noise
/// multiplier and epsilon for it.
/// </summary>
/// <param name="Member">The member's site name.</param>
/// <param name="Options">q = b / declared count (or the plan's q), sigma, C, and the declared count as the divisor's N.</param>
/// <param name="StepsPerRound">Local steps per round: the plan's localSteps, or localEpochs x ceil(1 / q).</param>
/// <param name="PlannedSteps">Every round's steps together: what the noise multiplier is derived for.</param>
/// <param name="Epsilon">The member's epsilon budget for the whole plan.</param>
/// <param name="Delta">The delta at which epsilon is measured.</param>
/// <param name="Conversion">The RDP to (epsilon, delta) rule.</param>
public sealed record MemberDpSgd(string Member, DpSgdOptions Options, int StepsPerRound, long PlannedSteps, double Epsilon, double Delta, EpsilonConversion Conversion)
{
    // The noise search runs the accountant a few dozen times; every node asks again each round for the
    // same public inputs, so remember answers (a pure function of its key).
    private static readonly ConcurrentDictionary<(double Epsilon, double Delta, double SampleRate, long Steps, EpsilonConversion Conversion), double> DerivedNoise = new();

    /// <summary>The epsilon the whole planned run spends (at most the budget).</summary>
    public double PlannedEpsilon => RdpAccountant.Epsilon(Options.SampleRate, Options.NoiseMultiplier, PlannedSteps, Delta, Conversion);

    /// <summary>The member's budget with <paramref name="spent"/> already recorded (a node replays its stored history).</summary>
    public PrivacyBudget Budget(IEnumerable<SampledGaussianSteps>? spent) => new(Epsilon, Delta, Conversion, spent);

    /// <summary>The per-record loss DP-SGD trains the plan's model with; the Cox partial likelihood is refused (docs/privacy.md).</summary>
    public static PerSampleLoss LossFor(TrainingPlan plan)
    {
        try
        {
            return PerSampleLoss.ForName(plan.Schema.Task.Kind == TaskKind.Survival ? "cox" : "bce-with-logits");
        }
        catch (NotSupportedException e)
        {
            throw new ArgumentException($"plan privacy: model '{plan.Model.Kind}' cannot train with DP-SGD. {e.Message}", e);
        }
    }

    /// <summary>What <paramref name="member"/> runs under <paramref name="plan"/>; throws naming the member when its budget cannot be met.</summary>
    public static MemberDpSgd For(TrainingPlan plan, string member)
    {
        var privacy = plan.Privacy ?? throw new InvalidOperationException("the plan has no privacy section: it trains without DP");
        var records = privacy.DeclaredRecordsOf(member);
        var sampleRate = privacy.SampleRate ?? privacy.ExpectedBatchSize!.Value / records;
        // 1e-9 keeps 1 / q = 50 from rounding up to 51 when q = 4 / 200 is not exact in binary.
        var stepsPerRound = plan.Client.LocalEpochs > 0 ? plan.Client.LocalEpochs * (int)Math.Ceiling(1 / sampleRate - 1e-9) : plan.Client.LocalSteps;
        var plannedSteps = (long)stepsPerRound * plan.Rounds;
        var noise = privacy.NoiseMultiplier ?? Derive(privacy, sampleRate, plannedSteps, member);
        var options = new DpSgdOptions { ClipNorm = privacy.ClipNorm, SampleRate = sampleRate, NoiseMultiplier = noise, DeclaredRecords = records }.Validate();
        var run = new MemberDpSgd(member, options, stepsPerRound, plannedSteps, privacy.TargetEpsilon, privacy.Delta, privacy.Conversion);
        if (privacy.NoiseMultiplier is not null && run.PlannedEpsilon > run.Epsilon)
            throw new ArgumentException(
                $"plan privacy: member '{member}' ({records} declared records, q = {sampleRate:G4}) would spend epsilon {run.PlannedEpsilon:G4} over the plan's {plannedSteps} steps at noise multiplier {noise}, past the target {run.Epsilon}; raise noiseMultiplier, or leave it out to derive it");
        return run;
    }

    private static double Derive(PrivacySettings privacy, double sampleRate, long steps, string member)
    {
        try
        {
            return DerivedNoise.GetOrAdd((privacy.TargetEpsilon, privacy.Delta, sampleRate, steps, privacy.Conversion),
                key => NoiseMultiplierSearch.ForTargetEpsilon(key.Epsilon, key.SampleRate, key.Steps, key.Delta, key.Conversion));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new ArgumentException($"plan privacy: no noise multiplier gives member '{member}' epsilon {privacy.TargetEpsilon} over {steps} steps at q = {sampleRate:G4}: {e.Message}", e);
        }
    }
}
