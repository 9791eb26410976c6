using System.Globalization;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;

namespace FedChain.Learning.Benchmarks;

public sealed partial record FlambyProtocol
{
    /// <summary>
    /// Our tuned methods: a FLamby strategy with federated standardisation (global mean and std from
    /// the sites' summed moments instead of FLamby's per-center scaling) and a small grid over one
    /// learning rate, chosen on validation rows (<see cref="FlambyBenchmark.TuningFitFraction"/>).
    /// </summary>
    private static TunedMethod TunedFamily(string name, BenchmarkMethod strategy, IReadOnlyList<double> grid, bool tuneServer)
    {
        var candidates = grid.Select(lr =>
        {
            var label = string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}, federated std, {(tuneServer ? "server" : "client")} lr {lr}");
            return strategy with
            {
                Name = label,
                Normalisation = Normalisation.Federated,
                Client = tuneServer ? strategy.Client : strategy.Client with { LearningRate = lr },
                Server = tuneServer ? strategy.Server! with { LearningRate = lr } : strategy.Server,
            };
        });
        return new TunedMethod(name, [.. candidates]);
    }

    /// <summary>
    /// The linear Cox model with FedAvg and federated standardisation over a grid of client learning
    /// rate x rounds x L2 penalty (ridge Cox; 0 is none), every combination a candidate.
    /// </summary>
    private static TunedMethod RidgeCoxFamily(string name, BenchmarkMethod strategy, IReadOnlyList<double> learningRates, IReadOnlyList<int> rounds, IReadOnlyList<double> decays) => new(name,
        [.. from lr in learningRates
            from r in rounds
            from decay in decays
            select strategy with
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}, federated std, client lr {lr}, {r} rounds, L2 {decay}"),
                Normalisation = Normalisation.Federated,
                Client = strategy.Client with { LearningRate = lr, WeightDecay = decay > 0 ? decay : null },
                Rounds = r,
            }]);

    /// <summary>
    /// DeepSurv (Katzman et al. 2018) in place of the linear Cox model: the strategy with federated
    /// standardisation, one hidden layer and an L2 penalty, over a grid of hidden widths x client
    /// learning rates (widths outermost).
    /// </summary>
    private static TunedMethod DeepSurvFamily(string name, BenchmarkMethod strategy, IReadOnlyList<int> widths, double decay, IReadOnlyList<double> learningRates) => new(name,
        [.. from hidden in widths
            from lr in learningRates
            select strategy with
            {
                Name = string.Create(CultureInfo.InvariantCulture, $"DeepSurv {hidden}, {strategy.Name}, federated std, client lr {lr}, L2 {decay}"),
                Normalisation = Normalisation.Federated,
                Client = strategy.Client with { LearningRate = lr, WeightDecay = decay },
                Model = new ModelSpec(ModelKind.DeepSurv, Hidden: [hidden]),
            }]);

    private BenchmarkMethod Strategy(ServerRuleKind rule) => Strategies.First(s => s.Server!.Rule == rule);
}
