using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// The combinations docs/learning.md names as the ones users run, beyond the demo's (FedAdam, exact
/// Shapley) and the DP and dropout runs of their own classes: three plans started together on one
/// consortium of four node processes, two training rounds each.
/// </summary>
public sealed class NamedCombinationsRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => SecureSampleShare(data.Schema))
    .WithPlan(data => ScaffoldSampledShapley(data.Schema))
    .WithPlan(data => MlpFedProxLeaveOneOut(data.Schema))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 2;

    /// <summary>Secure aggregation (t = 3) with sample-share scores, FedAdam.</summary>
    public static TrainingPlan SecureSampleShare(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 7) with
    {
        SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
        Contribution = new ContributionSettings(ContributionMethod.SampleShare),
    };

    /// <summary>SCAFFOLD with sampled Shapley (16 permutations, accuracy).</summary>
    public static TrainingPlan ScaffoldSampledShapley(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 8) with
    {
        Server = new ServerSettings(ServerRuleKind.Scaffold),
        Contribution = new ContributionSettings(ContributionMethod.SampledShapley, UtilityMetric.Accuracy, Permutations: 16),
    };

    /// <summary>An MLP under FedProx without normalisation, scored leave-one-out.</summary>
    public static TrainingPlan MlpFedProxLeaveOneOut(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 9) with
    {
        Normalisation = Normalisation.None,
        Model = new ModelSpec(ModelKind.Mlp, [8]),
        Server = new ServerSettings(ServerRuleKind.FedProx),
        Contribution = new ContributionSettings(ContributionMethod.LeaveOneOut),
    };
}
