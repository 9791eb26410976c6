using FedChain.Node.Gossip;
using FedChain.Node.Identity;

namespace FedChain.Node.Tests.Gossip;

public sealed class WantedMessagesTests
{
    private static readonly NodeAddress Alice = Address(1);
    private static readonly NodeAddress Bob = Address(2);
    private static readonly NodeAddress Carol = Address(3);

    [Fact]
    public void NextRequests_TwoAnnouncers_AsksTheFirstThenTheSecondWhileUnseen()
    {
        var sut = new WantedMessages(5, 100);
        sut.Announced("m", Alice);
        sut.Announced("m", Bob);

        var first = sut.NextRequests(_ => false, new HashSet<NodeAddress> { Alice, Bob }, 10);
        var second = sut.NextRequests(_ => false, new HashSet<NodeAddress> { Alice, Bob }, 10);
        var third = sut.NextRequests(_ => false, new HashSet<NodeAddress> { Alice, Bob }, 10);

        Assert.Equal(["m"], Assert.Single(first, kv => kv.Key == Alice).Value);
        Assert.Single(first);
        Assert.Equal(["m"], Assert.Single(second, kv => kv.Key == Bob).Value);
        Assert.Single(second);
        Assert.Empty(third);
        Assert.False(sut.Contains("m"));
    }

    [Fact]
    public void NextRequests_MessageSeenMeanwhile_IsForgottenUnasked()
    {
        var sut = new WantedMessages(5, 100);
        sut.Announced("m", Alice);

        Assert.Empty(sut.NextRequests(id => id == "m", new HashSet<NodeAddress> { Alice }, 10));
        Assert.False(sut.Contains("m"));
    }

    [Fact]
    public void NextRequests_FirstAnnouncerGone_AsksTheNextConnectedOne()
    {
        var sut = new WantedMessages(5, 100);
        sut.Announced("m", Alice);
        sut.Announced("m", Bob);

        var requests = sut.NextRequests(_ => false, new HashSet<NodeAddress> { Bob, Carol }, 10);

        Assert.Equal(Bob, Assert.Single(requests).Key);
    }

    [Fact]
    public void NextRequests_PastThePerPeerCap_TheRestWaitForTheNextHeartbeat()
    {
        var sut = new WantedMessages(5, 100);
        foreach (var id in new[] { "a", "b", "c" }) sut.Announced(id, Alice);

        var first = sut.NextRequests(_ => false, new HashSet<NodeAddress> { Alice }, 2);
        var second = sut.NextRequests(_ => false, new HashSet<NodeAddress> { Alice }, 2);

        Assert.Equal(2, first[Alice].Count);
        Assert.Equal(["a", "b", "c"], [.. first[Alice].Concat(second[Alice]).Order()]);
    }

    [Fact]
    public void Announced_PastTheCapacity_NewIdsAreDropped()
    {
        var sut = new WantedMessages(5, 2);
        foreach (var id in new[] { "a", "b", "c" }) sut.Announced(id, Alice);

        Assert.True(sut.Contains("a") && sut.Contains("b"));
        Assert.False(sut.Contains("c"));
    }

    private static NodeAddress Address(byte last) => NodeAddress.FromBytes([.. new byte[19], last]);
}
