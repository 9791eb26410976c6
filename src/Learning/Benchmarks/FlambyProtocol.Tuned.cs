using System.Globalization;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;

namespace FedChain.Learning.Benchmarks;

public sealed partial record FlambyProtocol
{
    /// <summary>
    /// Our tuned methods: a FLamby strategy with federated standardisation (global mean and std from
    /// the sites' summed moments instead of FLamby's per-center scaling) and a small grid over one
    /// learning rate, chosen on validation rows (<see cref="FlambyBenchmark.TuningFitFraction"/>).
    /// </summary>
    private static TunedMethod TunedFamily(string name, BenchmarkMethod strategy, IReadOnlyList<double> grid, bool tuneServer, Normalisation normalisation = Normalisation.Federated)
    {
        var candidates = grid.Select(lr =>
        {
            var scaling = normalisation == Normalisation.Federated ? "federated std" : $"{normalisation} scaling";
            var label = string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}, {scaling}, {(tuneServer ? "server" : "client")} lr {lr}");
            return strategy with
            {
                Name = label,
                Normalisation = normalisation,
                Client = tuneServer ? strategy.Client : strategy.Client with { LearningRate = lr },
                Server = tuneServer ? strategy.Server! with { LearningRate = lr } : strategy.Server,
            };
        });
        return new TunedMethod(name, [.. candidates]);
    }

    /// <summary>
    /// A ridge Cox family: the strategy with federated standardisation and an L2 penalty
    /// decay/2 ||w||^2 on each client's loss (Verweij &amp; van Houwelingen 1994, penalised partial
    /// likelihood), over a grid of client learning rates and penalties chosen on validation rows.
    /// </summary>
    private static TunedMethod RidgeFamily(string name, BenchmarkMethod strategy, IReadOnlyList<double> learningRates, IReadOnlyList<double> decays) => new(name,
        [.. from lr in learningRates
            from decay in decays
            select strategy with
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}, federated std, client lr {lr}, L2 {decay}"),
                Normalisation = Normalisation.Federated,
                Client = strategy.Client with { LearningRate = lr, WeightDecay = decay },
            }]);

    private BenchmarkMethod Strategy(ServerRuleKind rule) => Strategies.First(s => s.Server!.Rule == rule);
}
