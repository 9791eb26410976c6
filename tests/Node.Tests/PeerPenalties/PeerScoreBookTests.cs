using FedChain.Node.Identity;
using FedChain.Node.PeerPenalties;
using Microsoft.Extensions.Time.Testing;

namespace FedChain.Node.Tests.PeerPenalties;

public sealed class PeerScoreBookTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly NodeAddress _peer = NodeAddress.Parse("0x00000000000000000000000000000000000000aa");

    [Fact]
    public void Penalise_AddsUpAndDecaysWithTheHalfLife()
    {
        var sut = new PeerScoreBook(new ScoringOptions(), _time);

        sut.Penalise(_peer, Misbehaviour.InvalidSignature);
        sut.Penalise(_peer, Misbehaviour.Replay);
        Assert.Equal(-15, sut.ScoreOf(_peer), precision: 6);

        _time.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(-7.5, sut.ScoreOf(_peer), precision: 6);
    }

    [Fact]
    public void Penalise_ReachingTheThreshold_BansUntilTheBanDurationPasses()
    {
        var sut = new PeerScoreBook(new ScoringOptions { BanDuration = TimeSpan.FromMinutes(10) }, _time);

        Assert.False(sut.Penalise(_peer, Misbehaviour.OversizeFrame));
        Assert.True(sut.Penalise(_peer, Misbehaviour.BadChunk));
        Assert.True(sut.IsBanned(_peer));

        _time.Advance(TimeSpan.FromMinutes(10) - TimeSpan.FromSeconds(1));
        Assert.True(sut.IsBanned(_peer));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.False(sut.IsBanned(_peer));
        Assert.Equal(0, sut.ScoreOf(_peer));
    }

    [Fact]
    public void Validate_PositiveThreshold_NamesTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => new ScoringOptions { DisconnectThreshold = 5 }.Validate());

        Assert.Contains("DisconnectThreshold", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryTake_OverTheBurst_RefusesUntilTokensRefill()
    {
        var sut = new FloodGate(new ScoringOptions { FloodBurst = 3, FloodRatePerSecond = 1 }, _time);

        Assert.True(sut.TryTake());
        Assert.True(sut.TryTake());
        Assert.True(sut.TryTake());
        Assert.False(sut.TryTake());
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(sut.TryTake());
        Assert.False(sut.TryTake());
    }
}
