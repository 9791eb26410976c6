using FedChain.Contracts.Membership;
using FedChain.Node.Identity;
using FedChain.Node.Membership;

namespace FedChain.Node.ChainView;

/// <summary>
/// The network's membership view, kept from the registry's events: members and auditors may
/// connect; removed ones are dropped (their connections closed by the network).
/// </summary>
public sealed class ChainMembership : IMembershipView
{
    private readonly ChainFollower _chain;
    private volatile IReadOnlyDictionary<NodeAddress, Member> _members = new Dictionary<NodeAddress, Member>();

    public ChainMembership(ChainFollower chain)
    {
        _chain = chain;
        chain.Changed += (_, _) => Refresh();
        Refresh();
    }

    public event EventHandler<MembershipChangedEventArgs>? Changed;

    public IReadOnlyCollection<Member> Members => [.. _members.Values];

    public bool IsMember(NodeAddress address) => _members.ContainsKey(address);

    private void Refresh()
    {
        var next = _chain.Read(s => s.Members.Values
            .Where(m => m.Role is MemberRole.Member or MemberRole.Auditor)
            .Select(m => new Member(NodeAddress.Parse(m.Address), string.IsNullOrEmpty(m.Endpoint) ? null : m.Endpoint))
            .ToDictionary(m => m.Address));
        var previous = _members;
        var changed = next.Values.Where(m => !previous.TryGetValue(m.Address, out var old) || old != m).ToList();
        var removed = previous.Keys.Where(a => !next.ContainsKey(a)).ToList();
        _members = next;
        if (changed.Count > 0 || removed.Count > 0) Changed?.Invoke(this, new MembershipChangedEventArgs(changed, removed));
    }
}
