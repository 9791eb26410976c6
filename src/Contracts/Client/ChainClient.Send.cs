using System.Numerics;
using Nethereum.Contracts;
using Nethereum.Hex.HexTypes;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.Util;

namespace FedChain.Contracts.Client;

public sealed partial class ChainClient
{
    /// <summary>
    /// Sends a contract function call as a transaction and waits until it is mined successfully.
    /// A revert is caught at gas estimation and surfaces as <see cref="ContractRevertException"/>
    /// with the custom error decoded; a transaction mined with status 0 is replayed to find why.
    /// </summary>
    /// <param name="minimumGas">A gas limit floor, for calls whose cost depends on what is mined before them
    /// (the estimate sees the state at estimation time only).</param>
    public Task<TransactionOutcome> SendAsync<TFunction>(string contract, TFunction message, CancellationToken ct = default, long minimumGas = 0)
        where TFunction : FunctionMessage, new()
    {
        var handler = Web3.Eth.GetContractTransactionHandler<TFunction>();
        return SendSignedAsync($"{OperationName<TFunction>()} on {contract}",
            async () =>
            {
                message.Gas = null;
                message.Nonce = null;
                return BigInteger.Max((await handler.EstimateGasAsync(contract, message)).Value, minimumGas); // throws the decoded revert
            },
            (gas, nonce) =>
            {
                message.Gas = new HexBigInteger(gas);
                message.Nonce = new HexBigInteger(nonce);
                return handler.SignTransactionAsync(contract, message);
            },
            (receipt, operation) => ExplainFailureAsync(contract, message, receipt, operation),
            ct);
    }

    /// <summary>Sends plain value (wei) to an account.</summary>
    public Task<TransactionOutcome> TransferAsync(string to, BigInteger wei, CancellationToken ct = default) =>
        SendSignedAsync($"transfer {wei} wei to {to}",
            () => Task.FromResult(new BigInteger(21_000)),
            (gas, nonce) => Web3.TransactionManager.SignTransactionAsync(new TransactionInput
            {
                From = Address,
                To = to,
                Value = new HexBigInteger(wei),
                Gas = new HexBigInteger(gas),
                Nonce = new HexBigInteger(nonce),
            }),
            (receipt, operation) => Task.FromResult<Exception>(new ChainException($"{operation}: transaction {receipt.TransactionHash} failed")),
            ct);

    /// <summary>Deploys a contract (constructor arguments in the message).</summary>
    internal async Task<TransactionOutcome> DeployAsync<TDeployment>(TDeployment deployment, string name, CancellationToken ct)
        where TDeployment : ContractDeploymentMessage, new()
    {
        var handler = Web3.Eth.GetContractDeploymentHandler<TDeployment>();
        var outcome = await SendSignedAsync($"deploy {name}",
            async () =>
            {
                deployment.Gas = null;
                deployment.Nonce = null;
                return (await handler.EstimateGasAsync(deployment)).Value;
            },
            (gas, nonce) =>
            {
                deployment.Gas = new HexBigInteger(gas);
                deployment.Nonce = new HexBigInteger(nonce);
                return handler.SignTransactionAsync(deployment);
            },
            (receipt, operation) => Task.FromResult<Exception>(new ChainException($"{operation}: transaction {receipt.TransactionHash} failed in block {receipt.BlockNumber.Value}")),
            ct);
        _log.ContractDeployed(name, outcome.Receipt.ContractAddress, outcome.GasUsed);
        return outcome;
    }

    /// <summary>
    /// The one path every transaction takes: estimate, take the next nonce, sign, broadcast (retried
    /// on transient failures), wait for the receipt and check its status. Sends from one client are
    /// serialised, so its nonces are consecutive.
    /// </summary>
    private async Task<TransactionOutcome> SendSignedAsync(string operation, Func<Task<BigInteger>> estimateGas,
        Func<BigInteger, BigInteger, Task<string>> sign, Func<TransactionReceipt, string, Task<Exception>> explainFailure, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            // Every transaction signed for this call, across retries: if a retry finds the nonce
            // used, one of them may be the one that got through.
            var signed = new List<string>();
            var hash = await RunAsync(operation, async () =>
            {
                var gas = WithMargin(await estimateGas());
                var nonce = await NextNonceAsync();
                var raw = await sign(gas, nonce);
                return await BroadcastAsync(raw, nonce, operation, signed);
            }, ct);
            var receipt = await WaitForReceiptAsync(hash, operation, ct);
            if (receipt.Status?.Value != BigInteger.One) throw await explainFailure(receipt, operation);

            var outcome = new TransactionOutcome(hash, (ulong)receipt.BlockNumber.Value, (long)receipt.GasUsed.Value, receipt);
            _log.TransactionMined(operation, hash, outcome.BlockNumber, outcome.GasUsed);
            return outcome;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task<string> BroadcastAsync(string raw, BigInteger nonce, string operation, List<string> signed)
    {
        raw = raw.StartsWith("0x", StringComparison.Ordinal) ? raw : "0x" + raw;
        var hash = "0x" + Sha3Keccack.Current.CalculateHashFromHex(raw);
        signed.Add(hash);
        try
        {
            await Web3.Eth.Transactions.SendRawTransaction.SendRequestAsync(raw);
        }
        catch (RpcResponseException e) when (IsKnown(e.RpcError.Message))
        {
            // the node already holds this exact transaction: a previous attempt got through
        }
        catch (RpcResponseException e) when (IsNonceTaken(e.RpcError.Message))
        {
            foreach (var earlier in signed)
            {
                if (await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(earlier) is not null)
                {
                    _nextNonce = nonce + 1;
                    return earlier;
                }
            }

            _nextNonce = null;
            _log.NonceConflict(Address);
            throw new NonceConflictException(Address, operation, e);
        }

        _log.TransactionSent(operation, hash, nonce);
        _nextNonce = nonce + 1;
        return hash;
    }

    private async Task<BigInteger> NextNonceAsync()
    {
        _nextNonce ??= (await Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(Address, BlockParameter.CreatePending())).Value;
        return _nextNonce.Value;
    }

    private BigInteger WithMargin(BigInteger estimate) => estimate * (100 + Options.GasMarginPercent) / 100;

    private async Task<TransactionReceipt> WaitForReceiptAsync(string hash, string operation, CancellationToken ct)
    {
        using var timeout = new CancellationTokenSource(Options.ReceiptTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        try
        {
            while (true)
            {
                try
                {
                    if (await Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(hash) is { } receipt) return receipt;
                }
                catch (Exception e) when (IsTransport(e))
                {
                    _log.ReceiptPollFailed(hash, e.GetBaseException().Message);
                }

                await Task.Delay(Options.ReceiptPollInterval, _time, linked.Token);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            throw new ChainException($"{operation}: transaction {hash} was not mined within {Options.ReceiptTimeout} on {RpcUrl}");
        }
    }

    /// <summary>A transaction mined with status 0 (it passed estimation, then the state changed):
    /// replays it as a call on the block's state to recover the revert reason.</summary>
    private async Task<Exception> ExplainFailureAsync<TFunction>(string contract, TFunction message, TransactionReceipt receipt, string operation)
        where TFunction : FunctionMessage, new()
    {
        try
        {
            await Web3.Eth.GetContractQueryHandler<TFunction>().QueryRawAsync(contract, message, new BlockParameter(receipt.BlockNumber));
        }
        catch (Exception e)
        {
            if (await TranslateAsync(e, operation) is ContractRevertException revert) return revert;
        }

        return new ChainException(
            $"{operation}: transaction {receipt.TransactionHash} failed in block {receipt.BlockNumber.Value} " +
            $"using {receipt.GasUsed.Value} of {message.Gas} gas (out of gas, or state changed since)");
    }

    private static bool IsKnown(string? message) =>
        message is not null && (message.Contains("already known", StringComparison.OrdinalIgnoreCase)
            || message.Contains("known transaction", StringComparison.OrdinalIgnoreCase));

    private static bool IsNonceTaken(string? message) =>
        message is not null && (message.Contains("nonce too low", StringComparison.OrdinalIgnoreCase)
            || message.Contains("replacement transaction underpriced", StringComparison.OrdinalIgnoreCase));

    private static string OperationName<TFunction>()
    {
        var attribute = (Nethereum.ABI.FunctionEncoding.Attributes.FunctionAttribute?)Attribute.GetCustomAttribute(
            typeof(TFunction), typeof(Nethereum.ABI.FunctionEncoding.Attributes.FunctionAttribute));
        return attribute?.Name ?? typeof(TFunction).Name;
    }
}
