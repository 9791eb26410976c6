using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Models.Sequence;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Tests.Simulation;

/// <summary>
/// Every model family, run as a plan through the quantised simulation, repeats bit for bit: twice in
/// one process and on fresh threads (libtorch's thread setting is per thread). This is the evidence
/// that the broadcast-built recurrent and convolutional layers, like the linear ones, do not depend
/// on BLAS rounding; a node running the same plan computes the same steps.
/// </summary>
public sealed class FamilyDeterminismTests
{
    private const int Steps = 4, Channels = 2;

    public static TheoryData<ModelKind> Families => [ModelKind.Gru, ModelKind.Lstm, ModelKind.TemporalCnn, ModelKind.Mlp, ModelKind.LogLinear, ModelKind.DeepSurv, ModelKind.BoostedTrees];

    [Theory]
    [MemberData(nameof(Families))]
    public void Run_SamePlanTwiceAndOnFreshThreads_GivesTheSameModelBits(ModelKind family)
    {
        var (plan, sites) = Case(family);

        var first = FederatedSimulation.Run(plan, sites);
        var second = FederatedSimulation.Run(plan, sites);
        string? onThread = null;
        var thread = new Thread(() => onThread = FederatedSimulation.Run(plan, sites).FinalModelHash);
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromMinutes(5)));

        Assert.Equal(first.Rounds.Select(r => r.ModelHash), second.Rounds.Select(r => r.ModelHash));
        Assert.Equal(first.FinalModelHash, onThread);
        Assert.NotEqual(ModelHash.Of(plan.InitialParameters()), first.FinalModelHash);
        Assert.All(first.FinalParameters, p => Assert.True(float.IsFinite(p)));
    }

    internal static (TrainingPlan Plan, IReadOnlyList<SimulatedSite> Sites) Case(ModelKind family)
    {
        var client = new LocalTrainingOptions(ClientOptimizer.Adam, 0.01, LocalSteps: 5, BatchSize: 16);
        var quantisation = new QuantisationSettings(12, MaxMembers: 8);
        switch (family)
        {
            case ModelKind.DeepSurv:
                var tcga = FederatedPreprocessing.Normalise(Normalisation.Federated, [.. Datasets.Tcga.Select(s => TrainTestSplit.Apply(Datasets.TcgaSchema, s.Data))]);
                var survival = new TrainingPlan(TrainingPlan.CurrentFormatVersion, Datasets.TcgaSchema, Normalisation.Federated, new ModelSpec(ModelKind.DeepSurv, Hidden: [8]),
                    client with { WeightDecay = 0.01 }, new ServerSettings(), 3, 42, quantisation);
                return (survival, [.. tcga.Select(s => new SimulatedSite(s))]);
            case ModelKind.BoostedTrees:
                var trees = new TreeSpec(Trees: 3, Depth: 2, Bins: 8, MinChildRows: 5);
                var heart = FederatedPreprocessing.Normalise(Normalisation.Federated, Datasets.HeartSplits);
                var grown = new TrainingPlan(TrainingPlan.CurrentFormatVersion, Datasets.HeartSchema, Normalisation.Federated, new ModelSpec(ModelKind.BoostedTrees, Trees: trees),
                    client, new ServerSettings(ServerRuleKind.TreeGrowth), trees.Rounds, 42, quantisation);
                return (grown, [.. heart.Select(s => new SimulatedSite(s))]);
            default:
                var sequence = new SequenceSpec(Steps, Channels, Hidden: 4, Layers: 2, KernelSize: 2);
                var spec = family switch
                {
                    ModelKind.Mlp => new ModelSpec(family, Hidden: [8]),
                    ModelKind.LogLinear => new ModelSpec(family),
                    _ => new ModelSpec(family, Sequence: sequence),
                };
                var plan = new TrainingPlan(TrainingPlan.CurrentFormatVersion, CountSchema(Steps * Channels + 1), Normalisation.Federated, spec, client,
                    new ServerSettings(ServerRuleKind.FedAdam, 0.05), 3, 42, quantisation);
                var sites = FederatedPreprocessing.Normalise(plan.Normalisation, SyntheticSeries.Sites(Steps, Channels));
                return (plan, [.. sites.Select(s => new SimulatedSite(s))]);
        }
    }

    internal static DatasetSchema CountSchema(int features) => new(
        "synthetic-counts", 1,
        [.. Enumerable.Range(0, features).Select(i => new ColumnSpec($"x{i}")), new ColumnSpec("y", Role: ColumnRole.Label)],
        new TaskSpec(TaskKind.Count, Label: "y"), new SplitRule(SplitKind.Random), new RowPolicy());
}
