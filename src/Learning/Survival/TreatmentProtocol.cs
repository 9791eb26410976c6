using FedChain.Learning.Aggregation;
using FedChain.Learning.Models;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Survival;

/// <summary>
/// Treatment response on Rotterdam and GBSG: a seeded split per site, stratified by event, 2/3 for
/// training; the federated linear Cox model and DeepSurv, each tuned on validation rows carved out
/// of the training splits; DeepSurv's own protocol (train on Rotterdam's node-positive patients,
/// test on GBSG) as a check; published figures from Katzman et al. 2018, Table 2.
/// </summary>
public sealed record TreatmentProtocol(
    double TrainFraction,
    double TuningFitFraction,
    long TuningSplitSeed,
    IReadOnlyList<TreatmentMethod> Families,
    QuantisationSettings Quantisation,
    IReadOnlyDictionary<string, double> Published)
{
    public static IReadOnlyList<long> Seeds { get; } = [42, 43, 44, 45, 46];

    public static TreatmentProtocol RotterdamGbsg()
    {
        var fedAvg = new ServerSettings(ServerRuleKind.FedAvg);
        TreatmentMethod Cox(double lr) => new("federated_cox", $"lr {lr}", new ModelSpec(ModelKind.LinearCox),
            new LocalTrainingOptions(ClientOptimizer.Adam, lr, LocalSteps: 20, BatchSize: 256), fedAvg, 15);
        TreatmentMethod DeepSurv(int width, double decay, double lr) => new("federated_deepsurv", $"hidden {width}x{width}, L2 {decay}, lr {lr}",
            new ModelSpec(ModelKind.DeepSurv, Hidden: [width, width]),
            new LocalTrainingOptions(ClientOptimizer.Adam, lr, LocalSteps: 20, BatchSize: 256, WeightDecay: decay), fedAvg, 15);
        return new TreatmentProtocol(2.0 / 3, 0.75, 7,
            [Cox(0.003), Cox(0.01), Cox(0.03), DeepSurv(16, 0.01, 0.003), DeepSurv(32, 0.01, 0.003), DeepSurv(32, 0.1, 0.003), DeepSurv(32, 0.01, 0.01)],
            new QuantisationSettings(FixedPointBits: 12, MaxMembers: 16),
            new Dictionary<string, double> { ["cph"] = 0.658, ["deepsurv"] = 0.676, ["rsf"] = 0.647 });
    }
}
