using FedChain.Learning.Plans;
using FedChain.Node.Datasets;

namespace FedChain.Node.Demo;

public static partial class DemoPlan
{
    /// <summary>Clip norm C of the demo's DP-SGD: the benchmark's choice at epsilon 3 and 8 (docs/privacy.md).</summary>
    public const double DemoClipNorm = 4;

    /// <summary>
    /// <paramref name="plan"/> with DP-SGD for every hospital under (<paramref name="epsilon"/>,
    /// <paramref name="delta"/>): Poisson batches of the plan's batch size in expectation, clip norm
    /// <see cref="DemoClipNorm"/>, sigma derived per member. Each hospital declares its train-row count
    /// under its site name, which is also its name in the registry: the key every node and the auditor use.
    /// </summary>
    public static TrainingPlan WithPrivacy(TrainingPlan plan, double epsilon, double delta, IEnumerable<(string Site, long TrainRows)> declared) =>
        (plan with
        {
            Privacy = new PrivacySettings(epsilon, delta, DemoClipNorm, [], ExpectedBatchSize: plan.Client.BatchSize).Declaring(declared),
        }).Validate();

    /// <summary>
    /// <paramref name="plan"/> with secure aggregation (threshold 3: any three of the four hospitals
    /// unmask the sum) and contributions scored from the aggregate alone, as secure aggregation requires.
    /// </summary>
    public static TrainingPlan WithSecureAggregation(TrainingPlan plan) =>
        (plan with
        {
            SecureAggregation = new SecureAggregationSettings(true, Threshold: 3),
            Contribution = new ContributionSettings(Learning.Contribution.ContributionMethod.SampleShare, Learning.Contribution.UtilityMetric.Brier),
        }).Validate();

    /// <summary>Each site's train-row count under the plan's schema and split (what a hospital declares).</summary>
    internal static IReadOnlyList<(string Site, long TrainRows)> TrainRows(TrainingPlan plan, ConsortiumDataset data) =>
        [.. data.Splits(plan).Select(s => (s.Train.Site, (long)s.Train.Count))];
}
