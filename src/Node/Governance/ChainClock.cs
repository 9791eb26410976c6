using FedChain.Contracts.Client;

namespace FedChain.Node.Governance;

/// <summary>
/// Waits on the chain's own clock: governance deadlines are block timestamps (EIP-6372, mode=timestamp),
/// so "voting is open" means a block later than the snapshot exists. Each poll reads the latest block;
/// on a chain with real blocks (anvil --block-time, or any network) they come by themselves.
/// </summary>
public sealed class ChainClock(ChainClient chain, TimeProvider time, IProgress<string>? progress = null)
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public Task<long> NowAsync(CancellationToken ct) => chain.LatestTimestampAsync(ct);

    /// <summary>Returns once the latest block's timestamp is above <paramref name="timestamp"/>.</summary>
    public async Task WaitPastAsync(long timestamp, string what, CancellationToken ct)
    {
        var now = await NowAsync(ct);
        if (now > timestamp) return;
        progress?.Report($"waiting {timestamp - now + 1} s of chain time until {what} ({Format(timestamp)})");
        while (now <= timestamp)
        {
            await Task.Delay(Poll, time, ct);
            now = await NowAsync(ct);
        }
    }

    /// <summary>A chain timestamp in UTC, ISO 8601 to the second.</summary>
    public static string Format(long timestamp) => DateTimeOffset.FromUnixTimeSeconds(timestamp).ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>"in 12 s" or "3 s ago", relative to <paramref name="now"/>.</summary>
    public static string Relative(long timestamp, long now) => timestamp >= now ? $"in {timestamp - now} s" : $"{now - timestamp} s ago";
}
