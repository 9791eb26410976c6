using FedChain.Contracts.Ledger;

namespace FedChain.Contracts.Events;

/// <summary>A member's vote on a round's aggregate or score-vector hash, from a commit or a standalone vote.</summary>
public sealed record VoteRecord(string Voter, AgreementKind Kind, uint Round, byte[] Hash);
