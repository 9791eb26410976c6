using FedChain.Learning.Metrics;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>One round of a simulation: the new global model's test metrics per site and pooled.</summary>
/// <param name="Round">1-based.</param>
/// <param name="MeanTrainLoss">Sample-weighted mean of the sites' local training losses.</param>
/// <param name="ClippedCoordinates">Update coordinates that hit the quantisation clip bound.</param>
/// <param name="ModelHash">Hash of the global model after this round.</param>
/// <param name="PerSite">Test metrics per site, in site order (null when not evaluated this round).</param>
/// <param name="Pooled">Test metrics on the union of the sites' test rows.</param>
/// <param name="Headline">Unweighted mean over sites of the headline metric.</param>
/// <param name="Privacy">With DP on: each site's epsilon spent, as its node would record it on-chain.</param>
/// <param name="PersonalPerSite">With personalisation: each site's personal model on its own test rows (sites without one yet left out).</param>
/// <param name="PersonalHeadline">Unweighted mean over those sites of the personal models' headline metric.</param>
public sealed record SimulatedRound(
    int Round,
    double MeanTrainLoss,
    int ClippedCoordinates,
    string ModelHash,
    IReadOnlyDictionary<string, MetricSet>? PerSite,
    MetricSet? Pooled,
    double? Headline,
    IReadOnlyDictionary<string, RoundPrivacy>? Privacy = null,
    IReadOnlyDictionary<string, MetricSet>? PersonalPerSite = null,
    double? PersonalHeadline = null);
