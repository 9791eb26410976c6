using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Events;

/// <summary>One decoded event of the consortium's contracts, with where it happened.</summary>
/// <param name="Event">One of the DTOs in <c>MembershipEvents</c>, <c>GovernorEvents</c>, <c>LedgerEvents</c>, <c>RewardEvents</c>.</param>
public sealed record ChainEvent(ulong BlockNumber, ulong LogIndex, string TransactionHash, string Contract, IEventDTO Event);
