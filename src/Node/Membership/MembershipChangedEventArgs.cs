using FedChain.Node.Identity;

namespace FedChain.Node.Membership;

/// <summary>What changed in the membership view: members added or whose endpoint changed, and members removed.</summary>
public sealed class MembershipChangedEventArgs(IReadOnlyList<Member> addedOrUpdated, IReadOnlyList<NodeAddress> removed) : EventArgs
{
    public IReadOnlyList<Member> AddedOrUpdated { get; } = addedOrUpdated;

    public IReadOnlyList<NodeAddress> Removed { get; } = removed;
}
