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
    /// <paramref name="plan"/> with secure aggregation among <paramref name="sites"/> institutions
    /// (threshold: any all-but-one of them unmask the sum, so one may drop out; both when there are two)
    /// and, if the plan scores contributions, scored from the aggregate alone (sample share), as
    /// secure aggregation requires, with the plan's own utility metric.
    /// </summary>
    public static TrainingPlan WithSecureAggregation(TrainingPlan plan, int sites) =>
        (plan with
        {
            SecureAggregation = new SecureAggregationSettings(true, Threshold: Math.Max(2, sites - 1)),
            Contribution = plan.Contribution is { } scored ? scored with { Method = Learning.Contribution.ContributionMethod.SampleShare } : null,
        }).Validate();

    /// <summary>Each site's train-row count under the plan's schema and split (what a hospital declares).</summary>
    internal static IReadOnlyList<(string Site, long TrainRows)> TrainRows(TrainingPlan plan, ConsortiumDataset data) =>
        [.. data.Splits(plan).Select(s => (s.Train.Site, (long)s.Train.Count))];
}
