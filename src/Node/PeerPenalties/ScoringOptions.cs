using System.ComponentModel.DataAnnotations;

namespace FedChain.Node.PeerPenalties;

/// <summary>
/// Peer scoring parameters. Scores start at 0, fall by a penalty for each misbehaviour, and decay
/// back towards 0 (GossipSub v1.1 keeps decaying counters the same way). A peer at or below
/// <see cref="DisconnectThreshold"/> is disconnected and banned for <see cref="BanDuration"/>.
/// </summary>
public sealed class ScoringOptions
{
    /// <summary>Score at or below which a peer is disconnected and banned. Default -100: one oversize
    /// frame plus one bad chunk, or ten invalid signatures, within a half-life.</summary>
    public double DisconnectThreshold { get; set; } = -100;

    /// <summary>How long a ban lasts. Default 10 minutes.</summary>
    public TimeSpan BanDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Half-life of a penalty: a score halves towards 0 in this time. Default 5 minutes.</summary>
    public TimeSpan DecayHalfLife { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Sustained messages per second a peer may send. Default 2000 (a 4 MB blob is 16 chunks).</summary>
    [Range(1, int.MaxValue)]
    public int FloodRatePerSecond { get; set; } = 2000;

    /// <summary>Burst allowance above the sustained rate. Default 4000 messages.</summary>
    [Range(1, int.MaxValue)]
    public int FloodBurst { get; set; } = 4000;

    /// <summary>Points lost per misbehaviour. Defaults: the scoring table in docs/network.md.</summary>
    public double PenaltyFor(Misbehaviour misbehaviour) => misbehaviour switch
    {
        Misbehaviour.InvalidSignature => 10,
        Misbehaviour.NonMemberOrigin => 10,
        Misbehaviour.Replay => 5,
        Misbehaviour.BadChunk => 40,
        Misbehaviour.OversizeFrame => 60,
        Misbehaviour.MalformedFrame => 20,
        Misbehaviour.Flood => 1,
        Misbehaviour.Unsolicited => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(misbehaviour), misbehaviour, null),
    };

    /// <summary>Throws naming the first invalid setting.</summary>
    public void Validate()
    {
        if (double.IsNaN(DisconnectThreshold) || DisconnectThreshold >= 0)
        {
            throw new ArgumentException($"Scoring.DisconnectThreshold must be negative, got {DisconnectThreshold}");
        }

        if (BanDuration < TimeSpan.Zero) throw new ArgumentException($"Scoring.BanDuration must not be negative, got {BanDuration}");
        if (DecayHalfLife <= TimeSpan.Zero) throw new ArgumentException($"Scoring.DecayHalfLife must be positive, got {DecayHalfLife}");
        if (FloodRatePerSecond < 1) throw new ArgumentException($"Scoring.FloodRatePerSecond must be at least 1, got {FloodRatePerSecond}");
        if (FloodBurst < 1) throw new ArgumentException($"Scoring.FloodBurst must be at least 1, got {FloodBurst}");
    }
}
