using System.Numerics;

namespace FedChain.Contracts.Governance;

/// <summary>A proposal's votes as they count now: members removed since their vote are left out.</summary>
public sealed record ProposalVotes(BigInteger Against, BigInteger For, BigInteger Abstain);
