namespace FedChain.Contracts.Membership;

/// <summary>One registered institution: its address is its identity on the chain and on the wire.</summary>
public sealed record MemberInfo(string Address, MemberRole Role, string Name, string Endpoint);
