using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using Microsoft.Extensions.Logging;

namespace FedChain.Node.ChainView;

/// <summary>
/// Follows the consortium's contracts: polls new events into one <see cref="LedgerState"/> and wakes
/// whoever waits on a change. Readers look at the state only inside <see cref="Read{T}"/>.
/// </summary>
public sealed partial class ChainFollower(ChainClient chain, ConsortiumAddresses addresses, TimeProvider time, TimeSpan pollInterval, ILogger logger)
{
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

    /// <summary>Applies every event up to the latest block; true when any arrived.</summary>
    public async Task<bool> CatchUpAsync(CancellationToken ct)
    {
        var events = await _reader.ReadAsync(NextBlock(), null, ct);
        if (events.Count == 0) return false;
        lock (_lock)
        {
            foreach (var e in events) _state.Apply(e);
        }

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
        lock (_lock) return _state.LastBlock == 0 ? addresses.DeploymentBlock : _state.LastBlock + 1;
    }
}
