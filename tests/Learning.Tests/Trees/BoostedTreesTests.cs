using FedChain.Learning.Aggregation;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Simulation;
using FedChain.Learning.Tests.Simulation;
using FedChain.Learning.Tests.Support;
using FedChain.Learning.Training;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Tests.Trees;

public sealed class BoostedTreesTests
{
    private static readonly TreeSpec Spec = new(Trees: 10, Depth: 3, Bins: 16, LearningRate: 0.3, MinChildRows: 5);

    private static TrainingPlan Plan(TreeSpec? spec = null, DatasetSchema? schema = null) => new(
        TrainingPlan.CurrentFormatVersion, schema ?? Datasets.HeartSchema, Normalisation.Federated, new ModelSpec(ModelKind.BoostedTrees, Trees: spec ?? Spec),
        new LocalTrainingOptions(), new ServerSettings(ServerRuleKind.TreeGrowth), (spec ?? Spec).Rounds, 42, new QuantisationSettings(16, MaxMembers: 4));

    [Fact]
    public void FederatedTrees_EqualTheTreesGrownOnThePooledRows()
    {
        // Histograms add up: the four sites' summed histograms are the pooled rows' histograms, so
        // the float path grows the same splits as one site holding every row.
        var plan = Plan();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);
        var pooled = new SiteSplit(SiteDataset.Concat("pooled", [.. sites.Select(s => s.Train)]), SiteDataset.Concat("pooled", [.. sites.Select(s => s.Test)]));

        var federated = FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))], new SimulationOptions(Quantised: false)).FinalParameters;
        var central = FederatedSimulation.Run(plan, [new SimulatedSite(pooled)], new SimulationOptions(Quantised: false)).FinalParameters;

        var layout = new TreeLayout(Spec, plan.Schema.FeatureCount);
        for (var t = 0; t < Spec.Trees; t++)
        {
            var nodes = Enumerable.Range(layout.TreeOffset(t), 2 * layout.Nodes);
            Assert.Equal(nodes.Select(i => central[i]), nodes.Select(i => federated[i]));
        }

        Assert.True(federated.Zip(central, (a, b) => Math.Abs(a - b)).Max() < 1e-4);
    }

    [Fact]
    public void FixedPointPath_GrowsTheSameSplitsAsTheFloatPath()
    {
        var plan = Plan();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits).Select(s => new SimulatedSite(s)).ToArray();

        var quantised = FederatedSimulation.Run(plan, sites).FinalParameters;
        var exact = FederatedSimulation.Run(plan, sites, new SimulationOptions(Quantised: false)).FinalParameters;

        var layout = new TreeLayout(Spec, plan.Schema.FeatureCount);
        var splits = Enumerable.Range(0, Spec.Trees).SelectMany(t => Enumerable.Range(layout.TreeOffset(t), 2 * layout.Nodes)).ToArray();
        Assert.Equal(splits.Select(i => exact[i]), splits.Select(i => quantised[i]));
    }

    [Fact]
    public void HeartTrees_ClassifyWellAboveTheMajorityClass()
    {
        var plan = Plan();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);
        var result = FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))]);

        var pooledTest = result.Rounds[^1].Pooled!;
        var majority = sites.SelectMany(s => s.Test.Labels!).Average();
        Assert.True(pooledTest.Accuracy > Math.Max(majority, 1 - majority) + 0.1, $"accuracy {pooledTest.Accuracy}, majority {Math.Max(majority, 1 - majority)}");
        Assert.True(pooledTest.RocAuc > 0.8, $"AUC {pooledTest.RocAuc}");
    }

    [Fact]
    public void Sketch_AgreesEdgesAtQuantilesAndOneEdgeForABinaryFeature()
    {
        // Feature 0 takes 100 evenly spread values, feature 1 only two: 0 (70 rows) and 1 (30 rows).
        var x = new float[200];
        for (var i = 0; i < 100; i++) { x[2 * i] = (i - 49.5f) / 30f; x[2 * i + 1] = i < 70 ? 0 : 1; }
        var data = new SiteDataset("a", 2, x, [.. Enumerable.Range(0, 100).Select(i => (float)(i % 2))], null, null);
        var spec = new TreeSpec(Trees: 1, Depth: 1, Bins: 4, SketchCells: 64);
        var model = new BoostedTreesModel(2, spec);

        var update = HistogramStep.Run(model, TaskKind.Binary, model.InitialParameters(new Random(0)), data, ClientState.Initial);
        var (grown, _) = new TreeGrowthRule(model, TaskKind.Binary).Apply(model.InitialParameters(new Random(0)),
            new AggregatedUpdate([.. update.Vector.Select(v => v / 100f)], null, 100, 1), new ServerState(), 1);

        var layout = model.Layout;
        Assert.Equal(1, grown[TreeLayout.Progress]);
        Assert.Equal(0, grown[TreeLayout.BaseScore], 5);
        Assert.Equal(3, grown[TreeLayout.EdgeCounts]);
        var edges = Enumerable.Range(0, 3).Select(k => grown[layout.Edges + k]).ToArray();
        Assert.Equal(edges.Order(), edges);
        Assert.InRange(edges[1], -0.1, 0.1);
        Assert.Equal(1, grown[TreeLayout.EdgeCounts + 1]);
        Assert.InRange(grown[layout.Edges + layout.EdgeSlots], 0f, 1f);
    }

    [Fact]
    public void Growth_PicksTheSplitThatSeparatesTheLabels()
    {
        // The label is 1 exactly when feature 1 is above 0; feature 0 is noise.
        var random = new Random(3);
        var x = new float[400];
        var y = new float[200];
        for (var i = 0; i < 200; i++) { x[2 * i] = (float)(random.NextDouble() * 2 - 1); x[2 * i + 1] = (float)(random.NextDouble() * 2 - 1); y[i] = x[2 * i + 1] > 0 ? 1 : 0; }
        var spec = new TreeSpec(Trees: 1, Depth: 1, Bins: 16, LearningRate: 1, Lambda: 0, MinChildRows: 1);
        var schema = FamilyDeterminismTests.CountSchema(2) with { Task = new TaskSpec(TaskKind.Binary, Label: "y") };
        var plan = Plan(spec, schema);
        var data = new SiteDataset("a", 2, x, y, null, null);

        var result = FederatedSimulation.Run(plan, [new SimulatedSite(new SiteSplit(data, data))], new SimulationOptions(Quantised: false));

        var layout = new TreeLayout(spec, 2);
        Assert.Equal(1, result.FinalParameters[layout.TreeOffset(0)]);
        Assert.Equal(1.0, result.Rounds[^1].Pooled!.Accuracy!.Value, 2);
    }

    [Fact]
    public void Plan_TreesWithAnotherRuleOrRoundCount_IsRefused()
    {
        Assert.Contains("tree-growth go together", Assert.Throws<ArgumentException>(() => (Plan() with { Server = new ServerSettings() }).Validate()).Message);
        Assert.Contains($"must be {Spec.Rounds}", Assert.Throws<ArgumentException>(() => (Plan() with { Rounds = 5 }).Validate()).Message);
        Assert.Contains("federated normalisation", Assert.Throws<ArgumentException>(() => (Plan() with { Normalisation = Normalisation.PerSite }).Validate()).Message);
    }

    [Fact]
    public void ClientStep_OnACompleteEnsemble_SaysThePlanHasNoRoundLeft()
    {
        var plan = Plan(new TreeSpec(Trees: 1, Depth: 1, MinChildRows: 1));
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Datasets.HeartSplits);
        var done = FederatedSimulation.Run(plan, [.. sites.Select(s => new SimulatedSite(s))]).FinalParameters;

        var error = Assert.Throws<InvalidOperationException>(() => ClientStep.Run(plan, done, null, sites[0].Train, 3, ClientState.Initial));

        Assert.Contains("complete", error.Message);
    }
}
