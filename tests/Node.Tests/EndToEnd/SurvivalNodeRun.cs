using FedChain.Learning.Benchmarks;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Survival in node processes, on Fed-TCGA-BRCA's six centres (each node reads only its own centre's
/// rows of the export, FLamby's split from the fold column): FLamby's linear Cox model with FedAvg,
/// DeepSurv, and the plan shape `bench flamby` chooses on validation (the linear Cox model with
/// federated standardisation, FedAvg, client lr 0.3, L2 0.01), two rounds each, started together.
/// </summary>
public sealed class SurvivalNodeRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .OnDataset("tcga-brca")
    .WithPlan(data => DemoPlan.TcgaBrca(data, rounds: 2, seed: 21, ModelKind.LinearCox))
    .WithPlan(data => DemoPlan.TcgaBrca(data, rounds: 2, seed: 22, ModelKind.DeepSurv))
    .WithPlan(data => ValidationChoice(data, rounds: 2, seed: 23))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .WithTimeout(TimeSpan.FromMinutes(6)))
{
    /// <summary>The tuned linear Cox candidate that cross-validation chose (docs/learning.md, "Benchmarks"), for <paramref name="rounds"/> rounds.</summary>
    private static TrainingPlan ValidationChoice(ConsortiumDataset data, int rounds, long seed)
    {
        var protocol = FlambyProtocol.For("tcga-brca");
        var chosen = protocol.Tuned.First(t => t.Name == "fedavg_tuned").Candidates
            .First(c => c.Client.LearningRate == 0.3 && c.Rounds == 10 && c.Client.WeightDecay == 0.01);
        return FlambyBenchmark.Plan(protocol, data.Schema, chosen with { Rounds = rounds }, seed, []).Validate();
    }
}
