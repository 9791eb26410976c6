using System.Globalization;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Simulation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// Personal models on heart disease under FLamby's protocol with our best global method
/// (<see cref="HeartPlans.FedAdam"/>, 0.829). Tuning never sees a test row: every candidate
/// (fine-tuning, Ditto, FedPer with a personal bias, over a small grid) and the global model are scored
/// on validation rows carved out of each site's train split (<see cref="FlambyBenchmark.TuningFitFraction"/>),
/// over <see cref="Carves"/> different carve-outs because one carve-out leaves Switzerland 8 rows. The
/// candidate with the best mean per-site validation accuracy wins, and each site then deploys it only
/// where it beat the global model on that site's own validation rows, keeping the global model elsewhere.
/// Finally everything trains on the full train split and is scored on each site's test rows.
/// </summary>
public static class PersonalisationBenchmark
{
    /// <summary>Repeated hold-out: carve-outs with seeds <see cref="FlambyBenchmark.TuningSplitSeed"/> and on.</summary>
    public const int Carves = 4;

    public static IReadOnlyList<(string Name, PersonalisationSettings Settings)> Candidates { get; } =
    [
        .. from steps in new[] { 50, 150, 300 }
           from lr in new[] { 0.01, 0.03 }
           select (string.Create(CultureInfo.InvariantCulture, $"fine-tune, {steps} steps, lr {lr}"),
               new PersonalisationSettings(PersonalisationMethod.FineTune, Local: new LocalTrainingOptions(ClientOptimizer.Sgd, lr, LocalSteps: steps, BatchSize: 4))),
        .. from lambda in new[] { 0.1, 0.3, 1.0 }
           select (string.Create(CultureInfo.InvariantCulture, $"ditto, lambda {lambda}"), new PersonalisationSettings(PersonalisationMethod.Ditto, Lambda: lambda)),
        ("fedper, personal bias", new PersonalisationSettings(PersonalisationMethod.FedPer, PersonalHead.Bias)),
    ];

    public static PersonalisationReport Run(DatasetSchema schema, IReadOnlyList<SiteDataset> sites, int seedCount, int rounds = 15, IProgress<BenchmarkProgress>? progress = null)
    {
        var seeds = FlambyProtocol.Seeds.Take(seedCount).ToArray();
        var splits = sites.Select(s => TrainTestSplit.Apply(schema, s)).ToList();
        var carves = Enumerable.Range(0, Carves).Select(k => FederatedPreprocessing.Normalise(Normalisation.Federated,
            [.. splits.Select(s => TrainTestSplit.CarveValidation(s.Train, FlambyBenchmark.TuningFitFraction, FlambyBenchmark.TuningSplitSeed + k))])).ToList();
        var full = FederatedPreprocessing.Normalise(Normalisation.Federated, splits);
        var total = (Candidates.Count + 1) * seeds.Length * Carves + (1 + Enum.GetValues<PersonalisationMethod>().Length) * seeds.Length;
        var done = 0;

        // Each site's accuracy on the splits' Test rows, averaged over seeds and splits, of the personal models (null settings: the global model).
        IReadOnlyDictionary<string, double> PerSite(string name, PersonalisationSettings? settings, IReadOnlyList<IReadOnlyList<SiteSplit>> data)
        {
            var sum = data[0].ToDictionary(d => d.Train.Site, _ => 0.0);
            foreach (var split in data)
            {
                foreach (var seed in seeds)
                {
                    var plan = HeartPlans.FedAdam(schema, seed) with { Personalisation = settings, Rounds = rounds };
                    var last = FederatedSimulation.Run(plan, [.. split.Select(d => new SimulatedSite(d))], new SimulationOptions(EvaluateEveryRound: false)).Rounds[^1];
                    var metrics = settings is null ? last.PerSite! : last.PersonalPerSite!;
                    foreach (var site in sum.Keys) sum[site] += metrics[site].Headline / (seeds.Length * data.Count);
                    progress?.Report(new BenchmarkProgress(name, seed, ++done, total));
                }
            }

            return sum;
        }

        var globalValidation = PerSite("tuning: global", null, carves);
        var validation = Candidates.ToDictionary(c => c.Name, c => PerSite($"tuning: {c.Name}", c.Settings, carves));
        // A candidate's worth: the mean over sites of what each site would deploy (the candidate where it beats the global model).
        double Deployed(string name) => globalValidation.Keys.Average(s => Math.Max(validation[name][s], globalValidation[s]));
        var best = Candidates.GroupBy(c => c.Settings.Method).Select(g => g.MaxBy(c => Deployed(c.Name))).ToList();
        var chosen = best.MaxBy(c => Deployed(c.Name));
        var deploys = globalValidation.Keys.Where(s => validation[chosen.Name][s] > globalValidation[s]).ToHashSet();

        var global = PerSite("global", null, [full]);
        var methods = best.ToDictionary(b => b.Name, b => PerSite(b.Name, b.Settings, [full]));
        var result = new PersonalisationResult(
            global.ToDictionary(g => g.Key, g => new SiteAccuracy(g.Value, deploys.Contains(g.Key) ? methods[chosen.Name][g.Key] : g.Value)),
            global.Keys.Average(s => deploys.Contains(s) ? methods[chosen.Name][s] : global[s]),
            global.Values.Average());
        return new PersonalisationReport(result, chosen.Name, [.. deploys.Order()], globalValidation, validation, methods, seeds);
    }
}
