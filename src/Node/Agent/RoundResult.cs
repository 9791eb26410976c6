using FedChain.Learning.Metrics;

namespace FedChain.Node.Agent;

/// <summary>One round as this node saw it: the aggregate's hash, its metrics on the local test rows, timings.</summary>
public sealed record RoundResult(int Round, string AggregateHash, MetricSet? Metrics, RoundTiming? Timing = null);
