namespace FedChain.Contracts.Membership;

/// <summary>A registered account's role (MembershipRegistry.Role). Only members vote and train.</summary>
public enum MemberRole : byte
{
    None = 0,
    Member = 1,
    Auditor = 2,
}
