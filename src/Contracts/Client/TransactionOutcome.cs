using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;
using Nethereum.RPC.Eth.DTOs;

namespace FedChain.Contracts.Client;

/// <summary>A mined, successful transaction.</summary>
public sealed record TransactionOutcome(string TransactionHash, ulong BlockNumber, long GasUsed, TransactionReceipt Receipt)
{
    /// <summary>The events of one type this transaction emitted, decoded.</summary>
    public IReadOnlyList<TEvent> Events<TEvent>() where TEvent : IEventDTO, new() =>
        Receipt.DecodeAllEvents<TEvent>().Select(e => e.Event).ToList();
}
