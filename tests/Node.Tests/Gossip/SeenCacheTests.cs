using FedChain.Node.Gossip;
using Microsoft.Extensions.Time.Testing;

namespace FedChain.Node.Tests.Gossip;

public sealed class SeenCacheTests
{
    [Fact]
    public void Add_SameIdTwice_SecondIsRefusedUntilItExpires()
    {
        var time = new FakeTimeProvider();
        var sut = new SeenCache(TimeSpan.FromMinutes(2), 100, time);

        Assert.True(sut.Add("a"));
        Assert.False(sut.Add("a"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.False(sut.Contains("a"));
        Assert.True(sut.Add("a"));
    }

    [Fact]
    public void Add_OverCapacity_ForgetsTheOldest()
    {
        var sut = new SeenCache(TimeSpan.FromHours(1), 2, new FakeTimeProvider());

        sut.Add("a");
        sut.Add("b");
        sut.Add("c");

        Assert.Equal(2, sut.Count);
        Assert.False(sut.Contains("a"));
        Assert.True(sut.Contains("c"));
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
