using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;

namespace FedChain.Learning.Benchmarks;

public sealed partial record FlambyProtocol
{
    /// <summary>Fed-Heart-Disease: logistic regression, batch 4, 100 local steps, 15 rounds (data/heart-disease/README.md).</summary>
    private static FlambyProtocol Heart()
    {
        const int rounds = 15;
        BenchmarkMethod Strategy(string name, ServerRuleKind rule, double clientLr, double serverLr = 1, double mu = 0) =>
            new(name, MethodKind.Federated, new LocalTrainingOptions(ClientOptimizer.Sgd, clientLr, LocalSteps: 100, BatchSize: 4, ProximalMu: mu),
                Normalisation.PerSite, Server: new ServerSettings(rule, serverLr), Rounds: rounds, Note: "FLamby protocol");

        var protocol = new FlambyProtocol(
            "heart-disease",
            "accuracy",
            new ModelSpec(ModelKind.LogisticRegression),
            new LocalTrainingOptions(ClientOptimizer.Adam, 1e-3, LocalEpochs: 50, BatchSize: 4),
            Normalisation.PerSite,
            new QuantisationSettings(FixedPointBits: 16, MaxMembers: 16),
            [
                Strategy("fedavg", ServerRuleKind.FedAvg, 0.001),
                Strategy("fedprox", ServerRuleKind.FedProx, 0.001, mu: 0.01),
                Strategy("scaffold", ServerRuleKind.Scaffold, 0.001, serverLr: 1.0),
                Strategy("fedadam", ServerRuleKind.FedAdam, 0.01, serverLr: 0.01),
                Strategy("fedyogi", ServerRuleKind.FedYogi, 0.003162, serverLr: 0.01),
                Strategy("fedadagrad", ServerRuleKind.FedAdagrad, 0.003162, serverLr: 0.316228),
            ],
            Tuned: [],
            new Dictionary<string, PublishedResult>
            {
                ["pooled"] = new(0.7353, 0.0025),
                ["local_0"] = new(0.7221, 0.0189),
                ["fedavg"] = new(0.6850, 0.0253),
                ["fedprox"] = new(0.6850, 0.0253),
                ["scaffold"] = new(0.6840, 0.0250),
                ["fedadam"] = new(0.7255, 0.0124),
                ["fedyogi"] = new(0.7314, 0.0112),
                ["fedadagrad"] = new(0.7314, 0.0112),
            });
        return protocol with
        {
            Tuned =
            [
                TunedFamily("fedavg_tuned", protocol.Strategy(ServerRuleKind.FedAvg), [0.001, 0.003, 0.01, 0.03], tuneServer: false),
                TunedFamily("fedadam_tuned", protocol.Strategy(ServerRuleKind.FedAdam), [0.003, 0.01, 0.03], tuneServer: true),
                // DP rows: 16 x 25 Poisson-sampled records a round, as many as FLamby's 4 x 100, in a quarter of the steps.
                .. PrivateFamilies(protocol.Strategy(ServerRuleKind.FedAvg), [1, 3, 8], delta: 1e-5, expectedBatch: 16, localSteps: 25,
                    clipNorms: [1, 4], learningRates: [0.01, 0.03]),
            ],
        };
    }
}
