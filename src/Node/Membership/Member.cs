using FedChain.Node.Identity;

namespace FedChain.Node.Membership;

/// <summary>A current consortium member as the membership registry lists it.</summary>
/// <param name="Endpoint">Where its node listens, "host:port", or null when it has not published one.</param>
public sealed record Member(NodeAddress Address, string? Endpoint);
