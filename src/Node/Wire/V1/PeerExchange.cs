using MessagePack;

namespace FedChain.Node.Wire.V1;

/// <summary>Peer exchange: endpoints of members the sender is connected to. Claims only: identity is
/// proven by the TLS binding when the receiver dials, and non-members are ignored.</summary>
[MessagePackObject]
public sealed record PeerExchange([property: Key(0)] PeerRecord[] Peers) : IWireMessage
{
    [IgnoreMember]
    public MessageCode Code => MessageCode.PeerExchange;

    public void Validate()
    {
        WireLimits.Require(Peers is { Length: <= WireLimits.MaxPeerRecords }, "PeerExchange.Peers missing or too many");
        foreach (var peer in Peers)
        {
            WireLimits.Require(peer is { Address.Length: 20, Endpoint.Length: > 0 and <= WireLimits.MaxEndpointLength }, "PeerExchange entry malformed");
        }
    }
}
