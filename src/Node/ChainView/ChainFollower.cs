using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.ChainView;

/// <summary>
/// Follows the consortium's contracts: polls new events into one <see cref="LedgerState"/> and wakes
/// whoever waits on a change. Readers look at the state only inside <see cref="Read{T}"/>. With
/// <paramref name="confirmations"/> above 0 it applies a block's events only once that many blocks
/// are built on it, so a shallow reorg cannot change what the node acted on.
/// </summary>
public sealed partial class ChainFollower(ChainClient chain, ConsortiumAddresses addresses, TimeProvider time, TimeSpan pollInterval, ILogger logger, int confirmations = 0)
{
    private ulong _readThrough;
    private ulong _latest;

    private readonly ChainEventReader _reader = new(chain, addresses);
    private readonly LedgerState _state = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private (long BlockTimestamp, DateTimeOffset SeenAt)? _clock;

    /// <summary>Raised on the polling task after new events were applied.</summary>
    public event EventHandler? Changed;

    public T Read<T>(Func<LedgerState, T> read)
    {
        lock (_lock) return read(_state);
    }

    /// <summary>The last block whose events have been applied (0 before the first read).</summary>
    public ulong ReadThrough => Volatile.Read(ref _readThrough);

    /// <summary>The chain's latest block at the last poll.</summary>
    public ulong LatestBlock => Volatile.Read(ref _latest);

    /// <summary>Applies every event up to the latest block less the confirmation depth; true when any arrived.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        var latest = await chain.BlockNumberAsync(ct);
        Volatile.Write(ref _latest, latest);
        var from = NextBlock();
        if (latest < (ulong)confirmations || latest - (ulong)confirmations < from) return false;
        var safe = latest - (ulong)confirmations;
        var events = await _reader.ReadAsync(from, safe, ct);
        lock (_lock)
        {
            foreach (var e in events) _state.Apply(e);
            Volatile.Write(ref _readThrough, safe);
        }

        if (events.Count == 0) return false;

        Changed?.Invoke(this, EventArgs.Empty);
        Interlocked.Exchange(ref _changed, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
        return true;
    }

    /// <summary>Polls until cancelled. A poll that fails (endpoint down) is logged and retried.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(ct);
            }
            catch (ChainException e)
            {
                Log.ChainPollFailed(logger, e.Message);
            }

            await Task.Delay(pollInterval, time, ct).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    /// <summary>Waits until <paramref name="condition"/> holds on the state, re-checking after each change.</summary>
    public async Task<T> WaitAsync<T>(Func<LedgerState, T?> condition, CancellationToken ct) where T : class
    {
        while (true)
        {
            var changed = Volatile.Read(ref _changed).Task;
            var value = Read(condition);
            if (value is not null) return value;
            await changed.WaitAsync(ct);
        }
    }

    /// <summary>Waits for a change or for <paramref name="timeout"/>, whichever comes first.</summary>
    public Task NextChangeAsync(TimeSpan timeout, CancellationToken ct) =>
        Volatile.Read(ref _changed).Task.WaitAsync(timeout, time, ct).ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);

    /// <summary>
    /// The chain's clock now, estimated from the latest block's timestamp and how long ago we read it.
    /// Anvil's clock may run ahead of ours (governance votes jump it), so deadlines are judged by this.
    /// </summary>
    public async Task<long> ChainNowAsync(CancellationToken ct)
    {
        var timestamp = await chain.LatestTimestampAsync(ct);
        var now = time.GetUtcNow();
        if (_clock is not { } seen || timestamp > seen.BlockTimestamp) _clock = seen = (timestamp, now);
        return seen.BlockTimestamp + (long)(now - seen.SeenAt).TotalSeconds;
    }

    private ulong NextBlock()
    {
        lock (_lock)
        {
            var last = Math.Max(_state.LastBlock, _readThrough);
            return last == 0 ? addresses.DeploymentBlock : last + 1;
        }
    }
}
