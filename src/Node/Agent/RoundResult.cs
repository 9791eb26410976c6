using FedChain.Learning.Metrics;

namespace FedChain.Node.Agent;

/// <summary>One round as this node saw it: the aggregate's hash, its metrics on the local test rows, timings.</summary>
/// <param name="PersonalMetrics">With personalisation: this site's personal model on the same rows, beside the global model's <paramref name="Metrics"/>.</param>
public sealed record RoundResult(int Round, string AggregateHash, MetricSet? Metrics, RoundTiming? Timing = null, MetricSet? PersonalMetrics = null);
