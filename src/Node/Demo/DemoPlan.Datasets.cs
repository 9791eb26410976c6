using FedChain.Learning.Benchmarks;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Survival;
using FedChain.Node.Datasets;

namespace FedChain.Node.Demo;

public static partial class DemoPlan
{
    /// <summary>
    /// The demo's plan on <paramref name="data"/>, each the application's own method (docs/learning.md):
    /// heart disease <see cref="HeartDisease"/>; TCGA-BRCA FLamby's linear Cox with FedAvg (client lr
    /// 0.1, 100 local steps of batch 8); influenza the temporal CNN with the endemic-epidemic head
    /// (the method that beats hhh4); Rotterdam and GBSG DeepSurv (hidden 16x16, L2 0.01, Adam lr 0.003).
    /// </summary>
    internal static TrainingPlan For(ConsortiumDataset data, int rounds, long seed) => data.Name switch
    {
        "tcga-brca" => TcgaBrca(data, rounds, seed, ModelKind.LinearCox),
        "influenza-bybw" => Influenza(rounds, seed, ModelKind.TemporalCnn),
        "breast-cancer-rotterdam-gbsg" => BreastCancer(data, rounds, seed, ModelKind.DeepSurv),
        _ => HeartDisease(data.Schema, rounds, seed),
    };

    /// <summary>FLamby's TCGA-BRCA FedAvg (linear Cox), or our DeepSurv candidate (hidden 16, client lr 0.03), for <paramref name="rounds"/> rounds.</summary>
    internal static TrainingPlan TcgaBrca(ConsortiumDataset data, int rounds, long seed, ModelKind model)
    {
        var protocol = FlambyProtocol.For("tcga-brca");
        var method = model == ModelKind.DeepSurv
            ? protocol.Tuned.First(t => t.Name == "deepsurv_tuned").Candidates[1]
            : protocol.Strategies.First(s => s.Name == "fedavg");
        return FlambyBenchmark.Plan(protocol, data.Schema, method with { Rounds = rounds }, seed, []).Validate();
    }

    /// <summary>The influenza protocol's method of family <paramref name="model"/>, for <paramref name="rounds"/> rounds.</summary>
    internal static TrainingPlan Influenza(int rounds, long seed, ModelKind model)
    {
        var protocol = ForecastProtocol.Influenza();
        var method = protocol.Methods.First(m => m.Model.Kind == model);
        return ForecastBenchmark.Plan(protocol, method with { Rounds = rounds }, seed).Validate();
    }

    /// <summary>The treatment protocol's first candidate of family <paramref name="model"/> (DeepSurv or the linear Cox model), for <paramref name="rounds"/> rounds.</summary>
    internal static TrainingPlan BreastCancer(ConsortiumDataset data, int rounds, long seed, ModelKind model)
    {
        var protocol = TreatmentProtocol.RotterdamGbsg();
        var method = protocol.Families.First(f => f.Model.Kind == model);
        return TreatmentBenchmark.Plan(protocol, data.Schema, method with { Rounds = rounds }, seed);
    }
}
