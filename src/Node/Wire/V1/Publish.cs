using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>
/// A signed control message on a topic (GossipSub's "message"). The origin is not sent: it is
/// recovered from <see cref="Signature"/> over (topic, seqno, timestamp, payload); see Gossip/SignedControlMessage.
/// </summary>
/// <param name="Ttl">Hops left; forwarded with Ttl - 1 and never forwarded at 1. Not signed, as each hop changes it.</param>
[MessagePackObject]
public sealed record Publish(
    [property: Key(0)] string Topic,
    [property: Key(1)] ulong Seqno,
    [property: Key(2)] long TimestampMs,
    [property: Key(3)] byte[] Payload,
    [property: Key(4)] byte[] Signature,
    [property: Key(5)] byte Ttl) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.Publish;

    public void Validate()
    {
        WireLimits.Require(Topic is { Length: > 0 and <= WireLimits.MaxTopicLength }, "Publish.Topic missing or too long");
        WireLimits.Require(Payload is not null, "Publish.Payload missing");
        WireLimits.Require(Signature is { Length: 65 }, "Publish.Signature must be 65 bytes");
        WireLimits.Require(Ttl > 0, "Publish.Ttl must be positive");
    }
}
