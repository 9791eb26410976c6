using FedChain.Node.Gossip;
using Microsoft.Extensions.Time.Testing;

namespace FedChain.Node.Tests.Gossip;

public sealed class SeenCacheTests
{
    private static readonly TimeSpan ReplayWindow = TimeSpan.FromSeconds(150);

    [Fact]
    public void Add_SameIdTwice_SecondIsRefusedUntilItExpires()
    {
        var time = new FakeTimeProvider();
        var sut = new SeenCache(TimeSpan.FromMinutes(2), 100, 100, time);

        Assert.Equal(SeenOutcome.Added, sut.Add("a", "alice"));
        Assert.Equal(SeenOutcome.AlreadySeen, sut.Add("a", "alice"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(sut.Contains("a"));
        Assert.Equal(SeenOutcome.Added, sut.Add("a", "alice"));
    }

    /// <summary>
    /// The attack the old cache allowed: 100,000 fresh ids at a peer's 2,000 frames a second evicted an
    /// honest id after 50 s, and its message could then be replayed for the rest of the 150 s window.
    /// </summary>
    [Fact]
    public void Flood_OfFreshIdsAtTheFloodRate_DoesNotFlushAnHonestIdInsideTheReplayWindow()
    {
        var time = new FakeTimeProvider();
        var sut = new SeenCache(ReplayWindow, capacity: 100_000, perOrigin: 10_000, time);
        sut.Add("honest", "alice");

        var dropped = 0;
        for (var second = 0; second < 149; second++)
        {
            for (var i = 0; i < 2_000; i++)
            {
                if (sut.Add($"flood-{second}-{i}", "mallory") == SeenOutcome.Full) dropped++;
            }

            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(SeenOutcome.AlreadySeen, sut.Add("honest", "alice"));
        Assert.Equal(149 * 2_000 - 10_000, dropped);
        Assert.Equal(10_000, sut.CountOf("mallory"));
        Assert.Equal(SeenOutcome.Added, sut.Add("honest-2", "alice"));
    }

    [Fact]
    public void Add_PastTheOriginsShare_IsRefusedUntilItsOldIdsExpire()
    {
        var time = new FakeTimeProvider();
        var sut = new SeenCache(ReplayWindow, capacity: 10, perOrigin: 2, time);

        sut.Add("a", "mallory");
        time.Advance(TimeSpan.FromSeconds(10));
        sut.Add("b", "mallory");

        Assert.Equal(SeenOutcome.Full, sut.Add("c", "mallory"));
        Assert.False(sut.Contains("c"));
        Assert.Equal(SeenOutcome.Added, sut.Add("d", "alice"));
        time.Advance(ReplayWindow - TimeSpan.FromSeconds(10));
        Assert.True(sut.Contains("b"));
        Assert.Equal(SeenOutcome.Added, sut.Add("c", "mallory"));
    }

    [Fact]
    public void Add_PastTheTotalCapacity_IsRefusedForEveryOrigin()
    {
        var sut = new SeenCache(ReplayWindow, capacity: 3, perOrigin: 2, new FakeTimeProvider());

        sut.Add("a", "alice");
        sut.Add("b", "alice");
        sut.Add("c", "bob");

        Assert.Equal(SeenOutcome.Full, sut.Add("d", "carol"));
        Assert.Equal(3, sut.Count);
        Assert.True(sut.Contains("a"));
    }

    [Fact]
    public void Shift_PastHistoryLength_DropsTheOldestWindow()
    {
        var sut = new MessageCache(historyLength: 2, historyGossip: 1);
        var message = new Node.Wire.V1.Publish("t", 1, 0, [], new byte[65], 1);

        sut.Put("old", message);
        sut.Shift();
        sut.Put("new", message);

        Assert.Equal(["new"], sut.GossipIds());
        Assert.NotNull(sut.Get("old"));
        sut.Shift();
        Assert.Null(sut.Get("old"));
        Assert.NotNull(sut.Get("new"));
    }
}
