using FedChain.Node.Identity;

namespace FedChain.Node.PeerPenalties;

/// <summary>
/// Scores and bans of every peer this node has met, by address. Bans outlive connections and
/// expire under the injected clock.
/// </summary>
public sealed class PeerScoreBook
{
    private readonly ScoringOptions _options;
    private readonly TimeProvider _time;
    private readonly Dictionary<NodeAddress, PeerScore> _scores = [];
    private readonly Dictionary<NodeAddress, DateTimeOffset> _bannedUntil = [];
    private readonly Lock _lock = new();

    public PeerScoreBook(ScoringOptions options, TimeProvider time)
    {
        options.Validate();
        _options = options;
        _time = time;
    }

    /// <summary>Subtracts the penalty for <paramref name="misbehaviour"/>. Returns true when the peer
    /// has just fallen to the threshold: it is now banned and must be disconnected.</summary>
    public bool Penalise(NodeAddress peer, Misbehaviour misbehaviour)
    {
        lock (_lock)
        {
            if (!_scores.TryGetValue(peer, out var score)) _scores[peer] = score = new PeerScore(_options, _time);
            if (score.Penalise(misbehaviour) > _options.DisconnectThreshold) return false;
            _bannedUntil[peer] = _time.GetUtcNow() + _options.BanDuration;
            // A ban pays the debt: the peer comes back at 0 when it expires.
            score.Reset();
            return true;
        }
    }

    public double ScoreOf(NodeAddress peer)
    {
        lock (_lock) return _scores.TryGetValue(peer, out var score) ? score.Value : 0;
    }

    public bool IsBanned(NodeAddress peer) => BannedUntil(peer) is not null;

    /// <summary>When the ban on <paramref name="peer"/> ends, or null when it is not banned.</summary>
    public DateTimeOffset? BannedUntil(NodeAddress peer)
    {
        lock (_lock)
        {
            if (!_bannedUntil.TryGetValue(peer, out var until)) return null;
            if (until > _time.GetUtcNow()) return until;
            _bannedUntil.Remove(peer);
            return null;
        }
    }

    /// <summary>Current scores of every peer seen, for metrics.</summary>
    public IReadOnlyDictionary<NodeAddress, double> Snapshot()
    {
        lock (_lock) return _scores.ToDictionary(kv => kv.Key, kv => kv.Value.Value);
    }
}
