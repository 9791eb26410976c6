using System.Numerics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Web3;
using Nethereum.Web3.Accounts;
using Polly;
using Polly.Retry;

namespace FedChain.Contracts.Client;

/// <summary>
/// One account's connection to an EVM JSON-RPC endpoint: typed calls and transactions with nonce
/// management, retries with backoff for transient failures, receipt checks, and errors that name
/// the operation (endpoint down, unfunded account, revert with its custom error decoded).
/// Transactions from one client are sent one at a time, so its nonces never race each other.
/// </summary>
public sealed partial class ChainClient : IDisposable
{
    private readonly Account? _account;
    private readonly TimeProvider _time;
    private readonly ILogger _log;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private BigInteger? _nextNonce;

    /// <param name="privateKey">The signing key (hex); null for a read-only client.</param>
    public ChainClient(Uri rpcUrl, string? privateKey, long chainId, ChainClientOptions? options = null,
        TimeProvider? time = null, ILogger<ChainClient>? logger = null)
    {
        RpcUrl = rpcUrl;
        ChainId = chainId;
        Options = (options ?? new ChainClientOptions()).Validate();
        _time = time ?? TimeProvider.System;
        _log = logger ?? (ILogger)NullLogger.Instance;
        _account = privateKey is null ? null : new Account(privateKey, chainId);
        Web3 = _account is null ? new Web3(rpcUrl.ToString()) : new Web3(_account, rpcUrl.ToString());
        Web3.TransactionManager.UseLegacyAsDefault = Options.LegacyTransactions;
        _retry = BuildRetry();
    }

    public Uri RpcUrl { get; }

    public long ChainId { get; }

    public ChainClientOptions Options { get; }

    /// <summary>The underlying Nethereum client, for anything not wrapped here.</summary>
    public Web3 Web3 { get; }

    /// <summary>The sending account's address.</summary>
    public string Address => _account?.Address ?? throw new InvalidOperationException($"this client for {RpcUrl} is read-only (no key)");

    public RevertDecoder Reverts { get; } = RevertDecoder.Default;

    /// <summary>Connects after asking the endpoint for its chain id (EIP-155 signing needs it).</summary>
    public static async Task<ChainClient> ConnectAsync(Uri rpcUrl, string? privateKey, ChainClientOptions? options = null,
        TimeProvider? time = null, ILogger<ChainClient>? logger = null, CancellationToken ct = default)
    {
        using var probe = new ChainClient(rpcUrl, null, 0, options, time, logger);
        var chainId = await probe.RunAsync("eth_chainId", async () => (await probe.Web3.Eth.ChainId.SendRequestAsync()).Value, ct);
        return new ChainClient(rpcUrl, privateKey, (long)chainId, options, time, logger);
    }

    /// <summary>The chain id the endpoint reports (eth_chainId).</summary>
    public async Task<long> RemoteChainIdAsync(CancellationToken ct = default) =>
        (long)(await RunAsync("eth_chainId", async () => (await Web3.Eth.ChainId.SendRequestAsync()).Value, ct));

    /// <summary>The latest block number.</summary>
    public async Task<ulong> BlockNumberAsync(CancellationToken ct = default) =>
        (ulong)(await RunAsync("eth_blockNumber", async () => (await Web3.Eth.Blocks.GetBlockNumber.SendRequestAsync()).Value, ct));

    /// <summary>The latest block's timestamp (seconds since the Unix epoch).</summary>
    public async Task<long> LatestTimestampAsync(CancellationToken ct = default) =>
        (long)(await RunAsync("eth_getBlockByNumber", async () =>
            (await Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest())).Timestamp.Value, ct));

    /// <summary>An account's balance in wei.</summary>
    public async Task<BigInteger> BalanceAsync(string account, CancellationToken ct = default) =>
        await RunAsync($"eth_getBalance({account})", async () => (await Web3.Eth.GetBalance.SendRequestAsync(account)).Value, ct);

    public void Dispose() => _sendLock.Dispose();

    private ResiliencePipeline BuildRetry()
    {
        if (Options.MaxAttempts == 1) return ResiliencePipeline.Empty;
        return new ResiliencePipelineBuilder { TimeProvider = _time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder().Handle<ChainUnavailableException>().Handle<NonceConflictException>(),
                MaxRetryAttempts = Options.MaxAttempts - 1,
                Delay = Options.InitialBackoff,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                OnRetry = args =>
                {
                    var operation = args.Context.Properties.GetValue(OperationKey, "chain operation");
                    _log.Retrying(operation, args.AttemptNumber + 1, args.Outcome.Exception?.Message ?? "no result", args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }
}
