using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// The heart-disease plans the robustness, compression and personalisation benchmarks start from:
/// FLamby's protocol (100 local SGD steps of batch 4, 15 rounds) with federated standardisation, as
/// <c>bench flamby</c>'s tuned methods choose (docs/learning.md, "Benchmarks").
/// </summary>
public static class HeartPlans
{
    /// <summary>fedavg_tuned: FedAvg, client lr 0.003, server lr 1.</summary>
    public static TrainingPlan FedAvg(DatasetSchema schema, long seed, ModelSpec? model = null) =>
        Plan(schema, seed, model, 0.003, new ServerSettings(ServerRuleKind.FedAvg, 1));

    /// <summary>fedadam_tuned (our best, 0.829 mean per-site accuracy): FedAdam, client lr 0.01, server lr 0.01.</summary>
    public static TrainingPlan FedAdam(DatasetSchema schema, long seed) =>
        Plan(schema, seed, null, 0.01, new ServerSettings(ServerRuleKind.FedAdam, 0.01));

    private static TrainingPlan Plan(DatasetSchema schema, long seed, ModelSpec? model, double clientLr, ServerSettings server) => new(
        TrainingPlan.CurrentFormatVersion,
        schema,
        Normalisation.Federated,
        model ?? new ModelSpec(ModelKind.LogisticRegression),
        new LocalTrainingOptions(ClientOptimizer.Sgd, clientLr, LocalSteps: 100, BatchSize: 4),
        server,
        Rounds: 15,
        seed,
        new QuantisationSettings(FixedPointBits: 16, MaxMembers: 16));
}
