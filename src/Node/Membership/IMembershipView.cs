using FedChain.Node.Identity;

namespace FedChain.Node.Membership;

/// <summary>
/// The network's view of the consortium. The chain-backed implementation caches the on-chain
/// registry and raises <see cref="Changed"/> on its events; tests use <see cref="InMemoryMembership"/>.
/// </summary>
/// <remarks>Implementations must be thread-safe: the network asks from many connections at once.</remarks>
public interface IMembershipView
{
    /// <summary>True when <paramref name="address"/> is a current member. Connections and messages from anyone else are refused.</summary>
    bool IsMember(NodeAddress address);

    /// <summary>A snapshot of the current members.</summary>
    IReadOnlyCollection<Member> Members { get; }

    /// <summary>Raised after the view changes. A removed member's connections are closed.</summary>
    event EventHandler<MembershipChangedEventArgs>? Changed;
}
