using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Rewards;

/// <summary>RewardToken (ERC-20) functions used by the client.</summary>
public static class RewardFunctions
{
    [Function("balanceOf", "uint256")]
    public sealed class BalanceOf : FunctionMessage
    {
        [Parameter("address", "account", 1)] public string Account { get; set; } = "";
    }

    [Function("transferOwnership")]
    public sealed class TransferOwnership : FunctionMessage
    {
        [Parameter("address", "newOwner", 1)] public string NewOwner { get; set; } = "";
    }
}
