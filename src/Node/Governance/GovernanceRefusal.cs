namespace FedChain.Node.Governance;

/// <summary>A governance action that cannot go ahead, said in words (not a member, voting not open yet, quorum not reached...).
/// The command line prints it and exits 2.</summary>
public sealed class GovernanceRefusal(string message) : Exception(message);
