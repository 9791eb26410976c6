using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Metrics;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Randomness;
using FedChain.Learning.Robust;
using FedChain.Learning.Simulation;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// Robust rules against one hostile member on heart disease: five members, the four hospitals and a
/// fifth (<see cref="FifthMember"/>) holding half of <see cref="SharedSite"/>'s training rows (that
/// hospital keeps the other half), running <see cref="HeartPlans.FedAvg"/>. The fifth is honest, or
/// sends its update scaled x10, sign-flipped, or as noise of the same norm; each run is scored by
/// the mean over the four hospitals of the final model's test accuracy, averaged over the seeds.
/// </summary>
public static class RobustnessBenchmark
{
    /// <summary>The rule chosen in advance as the default: order statistics per coordinate, sample weights for the kept values.</summary>
    public const string DefaultRule = "trimmed-mean";

    public const string FifthMember = "cleveland-b";

    public const string SharedSite = "cleveland";

    public static RobustnessReport Run(DatasetSchema schema, IReadOnlyList<SiteDataset> sites, int seedCount, int rounds = 15, IProgress<BenchmarkProgress>? progress = null)
    {
        var seeds = FlambyProtocol.Seeds.Take(seedCount).ToArray();
        var members = FederatedPreprocessing.Normalise(Normalisation.Federated, WithFifthMember(schema, sites));
        var hospitals = members.Where(m => m.Train.Site != FifthMember).ToList();
        var bound = HonestNormBound(schema, members, seeds[0], rounds);
        var rules = new Dictionary<string, RobustSettings>
        {
            ["median"] = new(RobustRuleKind.Median),
            ["trimmed-mean"] = new(RobustRuleKind.TrimmedMean, TrimFraction: 0.2),
            ["norm-bound"] = new(RobustRuleKind.NormBound),
            ["multi-krum"] = new(RobustRuleKind.MultiKrum, Byzantine: 1),
            ["aggregate-norm-bound"] = new(RobustRuleKind.AggregateNormBound, NormBound: bound),
        };
        var attacks = Enum.GetValues<RobustnessAttack>();
        var total = (1 + rules.Count) * (1 + attacks.Length) * seeds.Length;
        var done = 0;

        double Accuracy(string name, RobustSettings? robust, SiteClient? fifth) => seeds.Average(seed =>
        {
            var plan = HeartPlans.FedAvg(schema, seed) with { Robust = robust, Rounds = rounds };
            var simulated = members.Select(m => new SimulatedSite(m, m.Train.Site == FifthMember ? fifth : null)).ToList();
            var final = FederatedSimulation.Run(plan, simulated, new SimulationOptions(EvaluateEveryRound: false)).FinalParameters;
            progress?.Report(new BenchmarkProgress(name, seed, ++done, total));
            return hospitals.Average(h => Evaluation.Evaluate(plan.Architecture(), final, h.Test).Headline);
        });

        var honest = Accuracy("honest: fedavg", null, null);
        var honestByRule = rules.ToDictionary(r => r.Key, r => Accuracy($"honest: {r.Key}", r.Value, null));
        var results = new Dictionary<string, AttackResult>();
        foreach (var attack in attacks)
        {
            var name = Name(attack);
            var fifth = Client(attack);
            results[name] = new AttackResult(Accuracy($"{name}: fedavg", null, fifth), rules.ToDictionary(r => r.Key, r => Accuracy($"{name}: {r.Key}", r.Value, fifth)));
        }

        return new RobustnessReport(new RobustnessResult(honest, DefaultRule, results), honestByRule, bound, seeds);
    }

    public static string Name(RobustnessAttack attack) => attack switch
    {
        RobustnessAttack.ScaledX10 => "scaled-x10",
        RobustnessAttack.SignFlipped => "sign-flipped",
        _ => "same-norm-noise",
    };

    private static SiteClient Client(RobustnessAttack attack) => attack switch
    {
        RobustnessAttack.ScaledX10 => MisbehavingSites.Scaled(10),
        RobustnessAttack.SignFlipped => MisbehavingSites.Scaled(-1),
        _ => MisbehavingSites.NoiseSender,
    };

    /// <summary>The hospitals' splits and the fifth member: a seeded half of <see cref="SharedSite"/>'s train rows, no test rows.</summary>
    public static IReadOnlyList<SiteSplit> WithFifthMember(DatasetSchema schema, IReadOnlyList<SiteDataset> sites)
    {
        var splits = sites.Select(s => TrainTestSplit.Apply(schema, s)).ToList();
        var shared = splits.FindIndex(s => s.Train.Site == SharedSite);
        if (shared < 0) throw new ArgumentException($"the robustness benchmark needs site '{SharedSite}'", nameof(sites));
        var train = splits[shared].Train;
        var order = Enumerable.Range(0, train.Count).ToArray();
        DerivedSeed.Random(0, "fifth-member").Shuffle(order);
        var half = order.Length / 2;
        splits[shared] = splits[shared] with { Train = train.Subset([.. order[half..].Order()]) };
        splits.Add(new SiteSplit(train.Subset([.. order[..half].Order()]) with { Site = FifthMember }, train.Subset([]) with { Site = FifthMember }));
        return splits;
    }

    /// <summary>
    /// The aggregate norm bound, fixed before any attack: the largest norm of a round's mean delta in the
    /// honest plain run of the first seed, so it never clips an honest round of that run.
    /// </summary>
    private static double HonestNormBound(DatasetSchema schema, IReadOnlyList<SiteSplit> members, long seed, int rounds)
    {
        var plan = HeartPlans.FedAvg(schema, seed) with { Rounds = rounds };
        var observer = new MeanDeltaNorms(plan);
        FederatedSimulation.Run(plan, [.. members.Select(m => new SimulatedSite(m))], new SimulationOptions(EvaluateEveryRound: false), observer: observer);
        return observer.Largest;
    }

    private sealed class MeanDeltaNorms(TrainingPlan plan) : IRoundObserver
    {
        public double Largest { get; private set; }

        public void Observe(RoundUpdates round)
        {
            var mean = UpdateQuantiser.Dequantise(round.Inputs!.Sum.Sum, plan.Quantisation, round.Inputs.Sum.Samples);
            Largest = Math.Max(Largest, Math.Sqrt(mean.Sum(v => (double)v * v)));
        }
    }
}
