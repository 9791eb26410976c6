namespace FedChain.Node.PeerPenalties;

/// <summary>A token bucket per connection: <see cref="ScoringOptions.FloodRatePerSecond"/> tokens a
/// second up to <see cref="ScoringOptions.FloodBurst"/>; a message without a token is a flood.
/// Called from the connection's single read loop, so it needs no lock.</summary>
internal sealed class FloodGate(ScoringOptions options, TimeProvider time)
{
    private double _tokens = options.FloodBurst;
    private long _refilledAt = time.GetTimestamp();

    public bool TryTake()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_refilledAt, now).TotalSeconds;
        _refilledAt = now;
        _tokens = Math.Min(options.FloodBurst, _tokens + Math.Max(0, elapsed) * options.FloodRatePerSecond);
        if (_tokens < 1) return false;
        _tokens -= 1;
        return true;
    }
}
