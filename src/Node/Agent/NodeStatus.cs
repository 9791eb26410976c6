using FedChain.Learning.Metrics;

namespace FedChain.Node.Agent;

/// <summary>
/// One line of a node's progress, written as JSON on stdout with <c>--status-lines</c> so that a
/// supervisor (the demo) can show it live. Times are Unix milliseconds of the node's clock.
/// </summary>
/// <param name="Event">ready, plan, phase, round, done or error.</param>
/// <param name="Traffic">On round lines: the node's connections and socket bytes so far.</param>
public sealed record NodeStatus(
    string Event,
    string Address,
    string Site,
    string? PlanId = null,
    int? Round = null,
    string? Phase = null,
    string? Detail = null,
    MetricSet? Metrics = null,
    string? ModelHash = null,
    RoundTiming? Timing = null,
    string? Endpoint = null,
    NodeTraffic? Traffic = null);

/// <summary>A node's network so far, as a "round" line reports it: members connected and socket bytes (TLS records included) since it started.</summary>
/// <param name="ReceivedByCode">Frame bytes received so far per message code (its name): where <paramref name="BytesReceived"/> goes,
/// less TLS records and frame length prefixes.</param>
public sealed record NodeTraffic(int Connections, long BytesReceived, long BytesSent, IReadOnlyDictionary<string, long>? ReceivedByCode = null)
{
    /// <summary>The traffic between <paramref name="earlier"/> and this line (connections as of this line).</summary>
    public NodeTraffic Since(NodeTraffic earlier) =>
        new(Connections, BytesReceived - earlier.BytesReceived, BytesSent - earlier.BytesSent,
            ReceivedByCode?.ToDictionary(kv => kv.Key, kv => kv.Value - (earlier.ReceivedByCode?.GetValueOrDefault(kv.Key) ?? 0)));
}

/// <summary>Where a node's time went in one round: training, and when it started and finished the round.</summary>
/// <param name="StartedAt">When the node began its part (training, or waiting if it did not train).</param>
/// <param name="TrainingMilliseconds">Local training and quantisation; 0 when it did not train.</param>
/// <param name="CommittedAt">When its commit was mined; null when it did not commit.</param>
/// <param name="AggregatedAt">When it had the round's aggregate.</param>
public sealed record RoundTiming(long StartedAt, double TrainingMilliseconds, long? CommittedAt, long AggregatedAt, int Accepted, int Excluded);
