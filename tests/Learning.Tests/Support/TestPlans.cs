using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Tests.Support;

/// <summary>Small plans over the real heart schema.</summary>
internal static class TestPlans
{
    public static TrainingPlan Heart(ServerRuleKind rule = ServerRuleKind.FedAvg, int rounds = 3, LocalTrainingOptions? client = null, int bits = 16) => new(
        TrainingPlan.CurrentFormatVersion,
        Datasets.HeartSchema,
        Normalisation.Federated,
        new ModelSpec(ModelKind.LogisticRegression),
        client ?? new LocalTrainingOptions(ClientOptimizer.Sgd, 0.01, LocalSteps: 10, BatchSize: 4),
        new ServerSettings(rule),
        rounds,
        Seed: 42,
        new QuantisationSettings(bits, MaxMembers: 4));

    /// <summary><see cref="Heart"/> with DP-SGD: every heart site declares its train rows, expected batch 4, C = 1, delta 1e-5.</summary>
    public static TrainingPlan HeartPrivate(double epsilon, ServerRuleKind rule = ServerRuleKind.FedAvg, ModelSpec? model = null) =>
        (Heart(rule) with { Model = model ?? new ModelSpec(ModelKind.LogisticRegression) }) with
        {
            Privacy = DpSettings(epsilon, [.. Datasets.HeartSplits.Select(s => (s.Train.Site, (long)s.Train.Count))]),
        };

    public static PrivacySettings DpSettings(double epsilon, IEnumerable<(string Member, long Records)> declared) =>
        new PrivacySettings(epsilon, 1e-5, ClipNorm: 1, DeclaredCounts: [], ExpectedBatchSize: 4).Declaring(declared);

    /// <summary>A Cox plan over the real TCGA-BRCA schema.</summary>
    public static TrainingPlan Tcga() => Heart() with { Schema = Datasets.TcgaSchema, Model = new ModelSpec(ModelKind.LinearCox) };
}
