using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;

namespace FedChain.Contracts.Rewards;

/// <summary>RewardToken events; a mint is a Transfer from the zero address.</summary>
public static class RewardEvents
{
    [Event("Transfer")]
    public sealed class Transfer : IEventDTO
    {
        [Parameter("address", "from", 1, true)] public string From { get; set; } = "";
        [Parameter("address", "to", 2, true)] public string To { get; set; } = "";
        [Parameter("uint256", "value", 3)] public BigInteger Value { get; set; }
    }
}
