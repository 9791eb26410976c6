using System.Net.Sockets;
using Nethereum.ABI.FunctionEncoding;
using Nethereum.Contracts;
using Nethereum.JsonRpc.Client;
using Polly;

namespace FedChain.Contracts.Client;

public sealed partial class ChainClient
{
    private static readonly ResiliencePropertyKey<string> OperationKey = new("fedchain.operation");

    /// <summary>Runs an RPC step under the retry policy, translating failures into chain errors.</summary>
    internal async Task<T> RunAsync<T>(string operation, Func<Task<T>> step, CancellationToken ct)
    {
        var context = ResilienceContextPool.Shared.Get(ct);
        context.Properties.Set(OperationKey, operation);
        try
        {
            return await _retry.ExecuteAsync(async _ =>
            {
                try
                {
                    return await step();
                }
                catch (Exception e) when (e is not ChainException and not OperationCanceledException || IsTransport(e))
                {
                    throw await TranslateAsync(e, operation);
                }
            }, context);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>Maps a Nethereum or transport exception to the chain error a caller can act on.</summary>
    private async Task<Exception> TranslateAsync(Exception e, string operation)
    {
        switch (e)
        {
            case ChainException:
                return e;
            case SmartContractCustomErrorRevertException custom:
                return new ContractRevertException(operation, Reverts.Decode(custom.ExceptionEncodedData), e);
            case SmartContractRevertException reason:
                return new ContractRevertException(operation, Reverts.Decode(reason.EncodedData) is { Name: not "Unknown" } d
                    ? d
                    : new DecodedRevert("Error", [new("reason", reason.RevertMessage)], reason.EncodedData ?? ""), e);
            case RpcResponseException rpc when IsInsufficientFunds(rpc.RpcError.Message):
                return new InsufficientFundsException(_account?.Address ?? "(none)", await SafeBalanceAsync(), operation, e);
            case RpcResponseException rpc when RevertData(rpc) is { } data:
                return new ContractRevertException(operation, Reverts.Decode(data), e);
            case RpcResponseException rpc:
                return new ChainException($"{operation}: {RpcUrl} refused it: {rpc.RpcError.Message}", e);
            case var _ when IsTransport(e):
                return new ChainUnavailableException(RpcUrl, operation, e);
            default:
                return e;
        }
    }

    internal static bool IsInsufficientFunds(string? message) =>
        message is not null && (message.Contains("insufficient funds", StringComparison.OrdinalIgnoreCase)
            || message.Contains("Insufficient funds", StringComparison.Ordinal));

    private static string? RevertData(RpcResponseException rpc)
    {
        var data = rpc.RpcError.Data?.ToString()?.Trim('"');
        return data is { Length: >= 10 } && data.StartsWith("0x", StringComparison.Ordinal) ? data : null;
    }

    private static bool IsTransport(Exception e) =>
        e is HttpRequestException or SocketException or RpcClientUnknownException or RpcClientTimeoutException
        || (e is TaskCanceledException && e.InnerException is TimeoutException)
        || (e.InnerException is not null && e is not ChainException && IsTransport(e.InnerException));

    private async Task<System.Numerics.BigInteger> SafeBalanceAsync()
    {
        if (_account is null) return 0;
        try
        {
            return (await Web3.Eth.GetBalance.SendRequestAsync(_account.Address)).Value;
        }
        catch (Exception e) when (IsTransport(e) || e is RpcResponseException)
        {
            return -1;
        }
    }
}
