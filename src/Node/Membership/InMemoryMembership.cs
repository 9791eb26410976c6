using System.Collections.Concurrent;
using FedChain.Node.Identity;

namespace FedChain.Node.Membership;

/// <summary>A membership view held in memory: for tests, benchmarks and simulations.</summary>
public sealed class InMemoryMembership : IMembershipView
{
    private readonly ConcurrentDictionary<NodeAddress, Member> _members = new();

    public InMemoryMembership(IEnumerable<Member>? members = null)
    {
        foreach (var member in members ?? []) _members[member.Address] = member;
    }

    public event EventHandler<MembershipChangedEventArgs>? Changed;

    public IReadOnlyCollection<Member> Members => [.. _members.Values];

    public bool IsMember(NodeAddress address) => _members.ContainsKey(address);

    /// <summary>Adds a member, or updates its endpoint.</summary>
    public void Set(Member member)
    {
        _members[member.Address] = member;
        Changed?.Invoke(this, new MembershipChangedEventArgs([member], []));
    }

    public void Remove(NodeAddress address)
    {
        if (_members.TryRemove(address, out _)) Changed?.Invoke(this, new MembershipChangedEventArgs([], [address]));
    }
}
