using FedChain.Node.Identity;
using FedChain.Node.Membership;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Discovery;

/// <summary>
/// Where members can be reached: the endpoint the membership registry lists, else the one learned
/// from the member's hello or from peer exchange. Endpoints are claims; the TLS binding proves who
/// answers, and a dial names the address it expects. Thread-safe.
/// </summary>
internal sealed class PeerDirectory(IMembershipView membership, NodeAddress self)
{
    private readonly Dictionary<NodeAddress, string> _learned = [];
    private readonly Lock _lock = new();

    /// <summary>Records an endpoint for a member; ignored for non-members, ourselves and malformed endpoints.</summary>
    public void Learn(NodeAddress address, string endpoint)
    {
        if (address == self || !membership.IsMember(address) || !PeerEndpoint.TryParse(endpoint, out _)) return;
        lock (_lock) _learned[address] = endpoint;
    }

    public string? EndpointOf(NodeAddress address)
    {
        var registered = membership.Members.FirstOrDefault(m => m.Address == address)?.Endpoint;
        if (PeerEndpoint.TryParse(registered, out _)) return registered;
        lock (_lock) return _learned.GetValueOrDefault(address);
    }

    /// <summary>Members worth dialling: not us, not connected, with an endpoint.</summary>
    public List<(NodeAddress Address, string Endpoint)> DialTargets(Func<NodeAddress, bool> skip)
    {
        var targets = new List<(NodeAddress, string)>();
        foreach (var member in membership.Members)
        {
            if (member.Address == self || skip(member.Address)) continue;
            if (EndpointOf(member.Address) is { } endpoint) targets.Add((member.Address, endpoint));
        }

        return targets;
    }

    /// <summary>The peer-exchange message: endpoints of the given (connected) members.</summary>
    public PeerExchange Exchange(IEnumerable<NodeAddress> peers) =>
        new([.. peers.Select(p => (Address: p, Endpoint: EndpointOf(p)))
            .Where(p => p.Endpoint is not null)
            .Take(WireLimits.MaxPeerRecords)
            .Select(p => new PeerRecord(p.Address.ToBytes(), p.Endpoint!))]);
}
