using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Node.Demo;

/// <summary>
/// The demo's plan: our best federated method on heart disease (docs/learning.md, "fedadam_tuned":
/// FedAdam, server lr 0.01, federated standardisation; FLamby's logistic regression, SGD lr 0.01,
/// 100 local steps of batch 4), scored each round with exact Shapley over 1 - Brier (docs/contribution.md).
/// </summary>
public static partial class DemoPlan
{
    public static TrainingPlan HeartDisease(DatasetSchema schema, int rounds, long seed) => new TrainingPlan(
        TrainingPlan.CurrentFormatVersion,
        schema,
        Normalisation.Federated,
        new ModelSpec(ModelKind.LogisticRegression),
        new LocalTrainingOptions(ClientOptimizer.Sgd, 0.01, LocalSteps: 100, BatchSize: 4),
        new ServerSettings(ServerRuleKind.FedAdam, 0.01),
        rounds,
        seed,
        new QuantisationSettings(FixedPointBits: 16, MaxMembers: 16),
        Contribution: new ContributionSettings(ContributionMethod.ExactShapley, UtilityMetric.Brier)).Validate();
}
