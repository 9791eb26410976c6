using FedChain.Contracts.Client;
using Nethereum.Hex.HexTypes;

namespace FedChain.Contracts.Chain;

/// <summary>
/// Anvil-only RPC methods: move time, mine, snapshot and revert, set balances. The demo uses them
/// to get through governance votes and commit deadlines in seconds; tests use snapshots to share
/// one deployed chain between tests.
/// </summary>
public sealed class AnvilControl(ChainClient chain)
{
    /// <summary>Moves the chain clock forward and mines a block at the new time.</summary>
    public async Task IncreaseTimeAsync(long seconds, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(seconds);
        await chain.RunAsync("evm_increaseTime", () => chain.Web3.Client.SendRequestAsync<object>("evm_increaseTime", null, new HexBigInteger(seconds)), ct);
        await MineAsync(1, ct);
    }

    /// <summary>Mines <paramref name="blocks"/> empty blocks.</summary>
    public Task MineAsync(long blocks = 1, CancellationToken ct = default) =>
        chain.RunAsync("anvil_mine", () => chain.Web3.Client.SendRequestAsync<object>("anvil_mine", null, new HexBigInteger(blocks)), ct);

    /// <summary>Takes a snapshot of the whole chain state; returns its id.</summary>
    public async Task<string> SnapshotAsync(CancellationToken ct = default) =>
        await chain.RunAsync("evm_snapshot", () => chain.Web3.Client.SendRequestAsync<string>("evm_snapshot"), ct);

    /// <summary>Returns the chain to a snapshot (which is consumed: take a new one to return again).</summary>
    public async Task RevertAsync(string snapshotId, CancellationToken ct = default)
    {
        var reverted = await chain.RunAsync("evm_revert", () => chain.Web3.Client.SendRequestAsync<bool>("evm_revert", null, snapshotId), ct);
        if (!reverted) throw new ChainException($"evm_revert: {chain.RpcUrl} has no snapshot {snapshotId}");
    }

    /// <summary>Turns mining on each transaction on or off (off: transactions wait for <see cref="MineAsync"/>).</summary>
    public Task SetAutomineAsync(bool enabled, CancellationToken ct = default) =>
        chain.RunAsync("evm_setAutomine", () => chain.Web3.Client.SendRequestAsync<object>("evm_setAutomine", null, enabled), ct);

    /// <summary>How many transactions wait in the pool.</summary>
    public async Task<int> PendingCountAsync(CancellationToken ct = default)
    {
        var status = await chain.RunAsync("txpool_status", () => chain.Web3.Client.SendRequestAsync<Dictionary<string, string>>("txpool_status"), ct);
        return (int)new HexBigInteger(status["pending"]).Value;
    }

    public Task SetBalanceAsync(string account, System.Numerics.BigInteger wei, CancellationToken ct = default) =>
        chain.RunAsync("anvil_setBalance", () => chain.Web3.Client.SendRequestAsync<object>("anvil_setBalance", null, account, new HexBigInteger(wei)), ct);
}
