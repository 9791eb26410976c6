namespace FedChain.Node.PeerPenalties;

/// <summary>One peer's score under an injected clock: penalties subtract, and the total decays
/// exponentially towards 0 with the configured half-life. Not thread-safe: <see cref="PeerScoreBook"/> locks.</summary>
internal sealed class PeerScore(ScoringOptions options, TimeProvider time)
{
    private double _value;
    private long _updatedAt = time.GetTimestamp();

    public double Value
    {
        get
        {
            Decay();
            return _value;
        }
    }

    public double Penalise(Misbehaviour misbehaviour)
    {
        Decay();
        _value -= options.PenaltyFor(misbehaviour);
        return _value;
    }

    public void Reset()
    {
        _value = 0;
        _updatedAt = time.GetTimestamp();
    }

    private void Decay()
    {
        var now = time.GetTimestamp();
        var elapsed = time.GetElapsedTime(_updatedAt, now);
        _updatedAt = now;
        if (_value == 0 || elapsed <= TimeSpan.Zero) return;
        _value *= Math.Pow(0.5, elapsed / options.DecayHalfLife);
        if (Math.Abs(_value) < 1e-6) _value = 0;
    }
}
