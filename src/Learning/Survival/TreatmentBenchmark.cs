using FedChain.Learning.Benchmarks;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Metrics;
using FedChain.Learning.Plans;
using FedChain.Learning.Randomness;
using FedChain.Learning.Simulation;

namespace FedChain.Learning.Survival;

/// <summary>
/// Runs the treatment-response protocol over the seeds: per seed, each site's stratified 2/3 split;
/// each family tuned on its training rows only (<see cref="TreatmentTuning"/>) and trained
/// federatedly on both training splits; C-index on each site's test rows; local models validated
/// externally on the other site; DeepSurv's own protocol; and, from the first seed and the family
/// with the better validation score, every test row's risk and the hormonal-therapy recommendation.
/// </summary>
public static class TreatmentBenchmark
{
    public static TreatmentResult Run(TreatmentProtocol protocol, BreastCancerCohorts cohorts, int seedCount, TimeProvider time, IProgress<BenchmarkProgress>? progress = null)
    {
        var sites = cohorts.Sites;
        if (seedCount is < 1 or > 5) throw new ArgumentOutOfRangeException(nameof(seedCount), seedCount, "the protocol has 5 seeds (42-46); ask for 1 to 5");
        var seeds = TreatmentProtocol.Seeds.Take(seedCount).ToArray();
        var families = protocol.Families.Select(f => f.Name).Distinct().ToArray();
        var total = seeds.Length * (protocol.Families.Count + families.Length * 3) + families.Length;
        var done = 0;
        void Step(string what, long seed) => progress?.Report(new BenchmarkProgress(what, seed, ++done, total));

        var perSeed = families.ToDictionary(f => f, _ => new List<TreatmentScores>());
        var tuning = new List<TuningRecord>();
        TreatmentRisks? risks = null;
        foreach (var seed in seeds)
        {
            var splits = sites.Select(s => Split(protocol, s, seed)).ToArray();
            // Tuning receives the training rows only: the test rows are not in its arguments.
            var chosen = TreatmentTuning.Choose(protocol, cohorts.Schema, [.. splits.Select(s => s.Train)], seed, Step);
            tuning.AddRange(chosen.Records);
            TreatmentMethod? best = null;
            float[]? bestParameters = null;
            foreach (var family in families)
            {
                var method = chosen.Chosen[family];
                var (parameters, scaled) = TrainFederated(protocol, cohorts.Schema, method, [.. splits.Select(s => new SiteSplit(s.Train, s.Test))], seed);
                var plan = Plan(protocol, cohorts.Schema, method, seed);
                var test = scaled.Select(s => Evaluation.Evaluate(plan, parameters, s.Test).CIndex ?? double.NaN).ToArray();
                Step($"{family}: federated", seed);
                var external = External(protocol, cohorts.Schema, method, splits, seed);
                Step($"{family}: external validation", seed);
                perSeed[family].Add(new TreatmentScores(test[0], test[1], external.RotterdamOnGbsg, external.GbsgOnRotterdam, chosen.Scores[family]));
                if (best is null || chosen.Scores[family] > chosen.Scores[best.Name]) (best, bestParameters) = (method, parameters);
                Step($"{family}: done", seed);
            }

            if (seed == seeds[0]) risks = TreatmentRisks.Of(Plan(protocol, cohorts.Schema, best!, seed), bestParameters!, splits, cohorts.HormonalTherapy);
        }

        var deepSurvProtocol = families.ToDictionary(f => f, f =>
        {
            var c = DeepSurvProtocol(protocol, cohorts, protocol.Families.First(m => m.Name == f), seeds[0]);
            Step($"{f}: DeepSurv protocol", seeds[0]);
            return c;
        });

        var methods = families.ToDictionary(f => f, f => TreatmentMethodResult.Of(perSeed[f], deepSurvProtocol[f]));
        return new TreatmentResult("breast-cancer-rotterdam-gbsg", seeds, [.. sites.Select(s => s.Name)], methods, risks!.Method, risks.Recommendation, risks.BySite, protocol.Published, tuning, risks);
    }

    /// <summary>A site's split for one seed: stratified by event, <see cref="TreatmentProtocol.TrainFraction"/> to train, seeded per site.</summary>
    public static CohortSplit Split(TreatmentProtocol protocol, CohortSite site, long seed)
    {
        var random = DerivedSeed.Random(seed, "train-test-split", 0, site.Name);
        var (train, test) = StratifiedPartition.Split(site.Data.Events!, protocol.TrainFraction, random, stratify: true, minPerClass: 2);
        return new CohortSplit(site, train, test);
    }

    public static TrainingPlan Plan(TreatmentProtocol protocol, DatasetSchema schema, TreatmentMethod method, long seed) => new TrainingPlan(
        TrainingPlan.CurrentFormatVersion, schema, Normalisation.Federated, method.Model, method.Client, method.Server, method.Rounds, seed, protocol.Quantisation).Validate();

    /// <summary>Federated training on the splits' training rows, standardised with the sites' summed moments; returns the model and the scaled splits.</summary>
    public static (float[] Parameters, IReadOnlyList<SiteSplit> Scaled) TrainFederated(TreatmentProtocol protocol, DatasetSchema schema, TreatmentMethod method, IReadOnlyList<SiteSplit> splits, long seed)
    {
        var plan = Plan(protocol, schema, method, seed);
        var scaled = FederatedPreprocessing.Normalise(plan.Normalisation, splits);
        var run = FederatedSimulation.Run(plan, [.. scaled.Select(s => new SimulatedSite(s))], new SimulationOptions(EvaluateEveryRound: false));
        return (run.FinalParameters, scaled);
    }

    /// <summary>A model trained on one site's training rows alone, scored on every row of the other site.</summary>
    private static (double RotterdamOnGbsg, double GbsgOnRotterdam) External(TreatmentProtocol protocol, DatasetSchema schema, TreatmentMethod method, IReadOnlyList<CohortSplit> splits, long seed)
    {
        double Cross(CohortSplit from, CohortSplit to) => TrainCentral(protocol, schema, method, from.Train, to.Site.Data, seed);
        return (Cross(splits[0], splits[1]), Cross(splits[1], splits[0]));
    }

    /// <summary>DeepSurv's protocol (Katzman et al. 2018): train on Rotterdam's node-positive patients, test on every GBSG patient.</summary>
    private static double DeepSurvProtocol(TreatmentProtocol protocol, BreastCancerCohorts cohorts, TreatmentMethod method, long seed)
    {
        var rotterdam = cohorts.Sites.First(s => s.Name == BreastCancerSites.Rotterdam).Data;
        var nodePositive = rotterdam.Subset([.. Enumerable.Range(0, rotterdam.Count).Where(i => rotterdam.Features[i * rotterdam.FeatureCount + cohorts.Nodes] > 0)]);
        // Tuned the same way, inside the training cohort only.
        var tuned = TreatmentTuning.Choose(protocol, cohorts.Schema, [nodePositive], seed).Chosen[method.Name];
        return TrainCentral(protocol, cohorts.Schema, tuned, nodePositive, cohorts.Sites.First(s => s.Name == BreastCancerSites.Gbsg).Data, seed);
    }

    /// <summary>One site's model with as many local steps as the federated run takes in total, scaled with its own moments; the C-index on <paramref name="test"/>.</summary>
    private static double TrainCentral(TreatmentProtocol protocol, DatasetSchema schema, TreatmentMethod method, SiteDataset train, SiteDataset test, long seed)
    {
        var scaler = FeatureMoments.Of(train).ToStandardiser();
        var options = method.Client with { LocalSteps = method.Client.LocalSteps * method.Rounds };
        var parameters = Baselines.Train(method.Model, schema.Task.Kind, scaler.Apply(train), options, seed);
        return Evaluation.Evaluate(Plan(protocol, schema, method, seed), parameters, scaler.Apply(test)).CIndex ?? double.NaN;
    }
}
