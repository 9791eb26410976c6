using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;

namespace FedChain.Learning.Benchmarks;

/// <summary>One named method of a benchmark and its settings.</summary>
/// <param name="Name">As in results.json: pooled, local_K, fedavg, ... or a tuned method's name.</param>
/// <param name="Kind">Pooled, local or federated.</param>
/// <param name="Client">Training settings (for baselines: the whole run).</param>
/// <param name="Normalisation">Feature scaling.</param>
/// <param name="Site">Local only: which site trains.</param>
/// <param name="Server">Federated only: the server rule.</param>
/// <param name="Rounds">Federated only.</param>
/// <param name="Note">How the settings were chosen (FLamby's protocol, or how they were tuned).</param>
/// <param name="Privacy">Federated only: DP-SGD settings without declared counts (each run declares its sites' train rows).</param>
/// <param name="Model">The model family, when it is not the protocol's (our tuned methods only).</param>
public sealed record BenchmarkMethod(
    string Name,
    MethodKind Kind,
    LocalTrainingOptions Client,
    Normalisation Normalisation,
    int Site = -1,
    ServerSettings? Server = null,
    int Rounds = 0,
    string? Note = null,
    PrivacySettings? Privacy = null,
    ModelSpec? Model = null);
