using System.Globalization;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Benchmarks;

public sealed partial record FlambyProtocol
{
    /// <summary>
    /// Our DP rows: one tuned method per epsilon, named <c>{strategy}_dp_eps{epsilon}</c>. Each is the
    /// strategy with federated standardisation, every member training with DP-SGD under its own
    /// (epsilon, delta) budget for the whole run (noise derived per member from its declared train
    /// rows), with Poisson batches of <paramref name="expectedBatch"/> expected records and
    /// <paramref name="localSteps"/> steps a round. The clip norm and client learning rate are picked
    /// per epsilon on validation rows, as every tuned method (<see cref="FlambyBenchmark.TuningFitFraction"/>).
    /// </summary>
    private static IEnumerable<TunedMethod> PrivateFamilies(
        BenchmarkMethod strategy, IReadOnlyList<double> epsilons, double delta, double expectedBatch, int localSteps,
        IReadOnlyList<double> clipNorms, IReadOnlyList<double> learningRates) =>
        epsilons.Select(epsilon => new TunedMethod(
            string.Create(CultureInfo.InvariantCulture, $"{strategy.Name}_dp_eps{epsilon}"),
            [.. from clip in clipNorms
                from lr in learningRates
                select strategy with
                {
                    Name = string.Create(CultureInfo.InvariantCulture,
                        $"{strategy.Name}, federated std, DP eps {epsilon} delta {delta}, batch {expectedBatch} x {localSteps} steps, C {clip}, client lr {lr}"),
                    Normalisation = Normalisation.Federated,
                    Client = strategy.Client with { LearningRate = lr, LocalSteps = localSteps, LocalEpochs = 0, BatchSize = (int)expectedBatch },
                    Privacy = new PrivacySettings(epsilon, delta, clip, DeclaredCounts: [], ExpectedBatchSize: expectedBatch),
                }]));
}
