using FedChain.Node.Identity;

namespace FedChain.Node.Gossip;

/// <summary>A verified control message as subscribers receive it.</summary>
/// <param name="Origin">The member that signed it, recovered from the signature.</param>
/// <param name="MessageId">SHA-256 of signature and signed content, lower-case hex.</param>
/// <param name="Timestamp">The origin's clock when it published, as it signed it.</param>
public sealed record ControlMessage(string Topic, NodeAddress Origin, ReadOnlyMemory<byte> Payload, ulong Seqno, DateTimeOffset Timestamp, string MessageId);
