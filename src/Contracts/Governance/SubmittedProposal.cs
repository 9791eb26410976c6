using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Governance;

/// <summary>A proposal on-chain: its id and the transaction that submitted it.</summary>
public sealed record SubmittedProposal(BigInteger Id, TransactionOutcome Transaction);
