using FedChain.Learning.Aggregation;
using FedChain.Learning.Compression;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Plans;
using FedChain.Learning.Robust;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// The combinations docs/learning.md names as the ones users run, beyond the demo's (FedAdam, exact
/// Shapley) and the DP and dropout runs of their own classes: three plans started together on one
/// consortium of four node processes, two training rounds each, with the default robust rule, both
/// compressions users pick (random-k under secure aggregation, 4-bit in the clear) and personal heads.
/// </summary>
public sealed class NamedCombinationsRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => SecureSampleShareRandomK(data.Schema))
    .WithPlan(data => ScaffoldSampledShapleyTrimmedMean(data.Schema))
    .WithPlan(data => MlpFedProxLeaveOneOutFedPerInt4(data.Schema))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .WithTimeout(TimeSpan.FromMinutes(5)))
{
    public const int Rounds = 2;

    /// <summary>Secure aggregation (t = 3) with sample-share scores, FedAdam, random-k compression (the masked words are the k shared coordinates).</summary>
    public static TrainingPlan SecureSampleShareRandomK(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 7) with
    {
        SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
        Contribution = new ContributionSettings(ContributionMethod.SampleShare),
        Compression = new CompressionSettings(CompressionMethod.RandomK, Fraction: 0.5),
    };

    /// <summary>SCAFFOLD with sampled Shapley (16 permutations, accuracy) and the default robust rule, the trimmed mean.</summary>
    public static TrainingPlan ScaffoldSampledShapleyTrimmedMean(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 8) with
    {
        Server = new ServerSettings(ServerRuleKind.Scaffold),
        Contribution = new ContributionSettings(ContributionMethod.SampledShapley, UtilityMetric.Accuracy, Permutations: 16),
        Robust = new RobustSettings(RobustRuleKind.TrimmedMean),
    };

    /// <summary>An MLP under FedProx without normalisation, scored leave-one-out, with FedPer's personal output layer and 4-bit compression.</summary>
    public static TrainingPlan MlpFedProxLeaveOneOutFedPerInt4(Learning.Data.Schema.DatasetSchema schema) => DemoPlan.HeartDisease(schema, Rounds, seed: 9) with
    {
        Normalisation = Normalisation.None,
        Model = new ModelSpec(ModelKind.Mlp, [8]),
        Server = new ServerSettings(ServerRuleKind.FedProx),
        Contribution = new ContributionSettings(ContributionMethod.LeaveOneOut),
        Personalisation = new PersonalisationSettings(PersonalisationMethod.FedPer, PersonalHead.OutputLayer),
        Compression = new CompressionSettings(CompressionMethod.Int4, ChunkSize: 32),
    };
}
