using System.Numerics;
using Nethereum.ABI.FunctionEncoding.Attributes;
using Nethereum.Contracts;

namespace FedChain.Contracts.Governance;

/// <summary>ConsortiumTimelock (OpenZeppelin TimelockController with a delay floor and expiry) functions, as Nethereum messages.</summary>
public static class TimelockFunctions
{
    /// <summary>The timelock delay; changed only by a governance proposal targeting the timelock, never below its floor.</summary>
    [Function("updateDelay")]
    public sealed class UpdateDelay : FunctionMessage
    {
        [Parameter("uint256", "newDelay", 1)] public BigInteger Delay { get; set; }
    }

    /// <summary>A canceller (the governor, or a guardian) drops a queued operation.</summary>
    [Function("cancel")]
    public sealed class Cancel : FunctionMessage
    {
        [Parameter("bytes32", "id", 1)] public byte[] Id { get; set; } = new byte[32];
    }

    [Function("getMinDelay", "uint256")]
    public sealed class GetMinDelay : FunctionMessage;

    [Function("gracePeriod", "uint256")]
    public sealed class GracePeriod : FunctionMessage;

    [Function("delayFloor", "uint256")]
    public sealed class DelayFloor : FunctionMessage;

    [Function("hashOperationBatch", "bytes32")]
    public sealed class HashOperationBatch : FunctionMessage
    {
        [Parameter("address[]", "targets", 1)] public List<string> Targets { get; set; } = [];
        [Parameter("uint256[]", "values", 2)] public List<BigInteger> Values { get; set; } = [];
        [Parameter("bytes[]", "payloads", 3)] public List<byte[]> Payloads { get; set; } = [];
        [Parameter("bytes32", "predecessor", 4)] public byte[] Predecessor { get; set; } = new byte[32];
        [Parameter("bytes32", "salt", 5)] public byte[] Salt { get; set; } = new byte[32];
    }

    [Function("isOperationPending", "bool")]
    public sealed class IsOperationPending : FunctionMessage
    {
        [Parameter("bytes32", "id", 1)] public byte[] Id { get; set; } = new byte[32];
    }

    [Function("isOperationExpired", "bool")]
    public sealed class IsOperationExpired : FunctionMessage
    {
        [Parameter("bytes32", "id", 1)] public byte[] Id { get; set; } = new byte[32];
    }

    [Function("hasRole", "bool")]
    public sealed class HasRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)] public byte[] Role { get; set; } = new byte[32];
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    [Function("grantRole")]
    public sealed class GrantRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)] public byte[] Role { get; set; } = new byte[32];
        [Parameter("address", "account", 2)] public string Account { get; set; } = "";
    }

    [Function("renounceRole")]
    public sealed class RenounceRole : FunctionMessage
    {
        [Parameter("bytes32", "role", 1)] public byte[] Role { get; set; } = new byte[32];
        [Parameter("address", "callerConfirmation", 2)] public string CallerConfirmation { get; set; } = "";
    }
}
