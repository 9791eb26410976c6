using FedChain.Learning.Models;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// Survival in node processes, on Fed-TCGA-BRCA's six centres (each node reads only its own centre's
/// rows of the export, FLamby's split from the fold column): FLamby's linear Cox model with FedAvg and
/// DeepSurv, two rounds each, started together.
/// </summary>
public sealed class SurvivalNodeRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .OnDataset("tcga-brca")
    .WithPlan(data => DemoPlan.TcgaBrca(data, rounds: 2, seed: 21, ModelKind.LinearCox))
    .WithPlan(data => DemoPlan.TcgaBrca(data, rounds: 2, seed: 22, ModelKind.DeepSurv))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 60)
    .WithTimeout(TimeSpan.FromMinutes(6)));
