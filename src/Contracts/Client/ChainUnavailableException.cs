namespace FedChain.Contracts.Client;

/// <summary>The JSON-RPC endpoint could not be reached (after the configured retries).</summary>
public sealed class ChainUnavailableException(Uri rpcUrl, string operation, Exception inner)
    : ChainException($"{operation}: the chain endpoint {rpcUrl} is unreachable ({inner.GetBaseException().Message})", inner)
{
    public Uri RpcUrl { get; } = rpcUrl;
}
