using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Training;

namespace FedChain.Node.Cli;

/// <summary>The parsed options of `fedchain simulate`; null means "the FLamby protocol's value".</summary>
internal sealed record SimulateArguments(
    string? Dataset,
    string? DataPath,
    string? PlanFile,
    ServerRuleKind Strategy,
    int? Rounds,
    int? LocalSteps,
    int? LocalEpochs,
    int? BatchSize,
    double? ClientLearningRate,
    double? ServerLearningRate,
    double? ProximalMu,
    ClientOptimizer? Optimizer,
    Normalisation? Normalisation,
    ModelKind? Model,
    IReadOnlyList<int> Hidden,
    int? FixedPointBits,
    int? MaxMembers,
    long Seed,
    bool Float,
    DirectoryInfo Output,
    PrivacySettings? Privacy,
    MisbehaviourCounts Misbehaving,
    ContributionMethod? Contribution,
    SimulatePipeline Pipeline);
