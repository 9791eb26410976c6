using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

/// <summary>The counters of <see cref="NetworkMetrics"/> at one moment.</summary>
/// <param name="Events">Named counts: "gossip.delivered", "gossip.forwarded", "blob.fetched", "connections.opened", ...</param>
public sealed record NetworkMetricsSnapshot(
    long TransportBytesIn,
    long TransportBytesOut,
    IReadOnlyDictionary<MessageCode, long> FrameBytesIn,
    IReadOnlyDictionary<MessageCode, long> FrameBytesOut,
    IReadOnlyDictionary<RejectionReason, long> Rejections,
    IReadOnlyDictionary<string, long> Events)
{
    /// <summary>Frame bytes sent that were not chunk data: gossip, announcements, requests, manifests.</summary>
    public long ControlBytesOut => FrameBytesOut.Where(kv => kv.Key != MessageCode.Chunk).Sum(kv => kv.Value);
}
