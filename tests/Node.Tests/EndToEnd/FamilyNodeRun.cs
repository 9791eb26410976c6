using FedChain.Learning.Aggregation;
using FedChain.Learning.Models;
using FedChain.Learning.Models.Sequence;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;
using FedChain.Learning.Trees;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// The newer model families in node processes, on heart disease's four hospitals: boosted trees
/// grown from federated histograms (2 trees of depth 2: 5 rounds), a GRU, a temporal CNN and an LSTM
/// over the 13 features read as a 13-step sequence, started together on one consortium.
/// </summary>
public sealed class FamilyNodeRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => Trees(data.Schema))
    .WithPlan(data => Sequence(data.Schema, ModelKind.Gru, seed: 12))
    .WithPlan(data => Sequence(data.Schema, ModelKind.TemporalCnn, seed: 13))
    .WithPlan(data => Sequence(data.Schema, ModelKind.Lstm, seed: 14))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .WithTimeout(TimeSpan.FromMinutes(6)))
{
    public static readonly TreeSpec TreeShape = new(Trees: 2, Depth: 2, Bins: 8, MinChildRows: 5);

    public static TrainingPlan Trees(Learning.Data.Schema.DatasetSchema schema) => (DemoPlan.HeartDisease(schema, TreeShape.Rounds, seed: 11) with
    {
        Model = new ModelSpec(ModelKind.BoostedTrees, Trees: TreeShape),
        Server = new ServerSettings(ServerRuleKind.TreeGrowth),
        Contribution = null,
    }).Validate();

    public static TrainingPlan Sequence(Learning.Data.Schema.DatasetSchema schema, ModelKind family, long seed) => (DemoPlan.HeartDisease(schema, 2, seed) with
    {
        Model = new ModelSpec(family, Sequence: new SequenceSpec(Steps: schema.FeatureCount, Channels: 1, Hidden: 4)),
        Client = new LocalTrainingOptions(ClientOptimizer.Adam, 0.01, LocalSteps: 10, BatchSize: 16),
        Server = new ServerSettings(ServerRuleKind.FedAvg),
        Contribution = null,
    }).Validate();
}
