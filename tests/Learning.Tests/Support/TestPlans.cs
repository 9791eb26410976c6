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
}
