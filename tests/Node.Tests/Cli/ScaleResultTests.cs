using FedChain.Node.Agent;
using FedChain.Node.Demo;

namespace FedChain.Node.Tests.Cli;

/// <summary>Where `bench scale`'s received bytes go: each node-round's frame bytes by code, and the socket bytes beyond them.</summary>
public sealed class ScaleResultTests
{
    [Fact]
    public void Since_TwoRoundLines_GivesTheRoundsBytesByCode()
    {
        var before = new NodeTraffic(3, 1_000, 500, new Dictionary<string, long> { ["Chunk"] = 700, ["Publish"] = 100 });
        var after = new NodeTraffic(4, 2_500, 900, new Dictionary<string, long> { ["Chunk"] = 1_700, ["Publish"] = 300, ["IHave"] = 50 });

        var sut = after.Since(before);

        Assert.Equal((4, 1_500L, 400L), (sut.Connections, sut.BytesReceived, sut.BytesSent));
        Assert.Equal(new Dictionary<string, long> { ["Chunk"] = 1_000, ["Publish"] = 200, ["IHave"] = 50 }, sut.ReceivedByCode);
    }

    [Fact]
    public void ByCode_NodeRounds_GivesMaxAndMeanPerCode_AndTheRestAsTlsAndFraming()
    {
        NodeTraffic[] rounds =
        [
            new(1, 1_300, 0, new Dictionary<string, long> { ["Chunk"] = 1_000, ["Publish"] = 200 }),
            new(1, 3_300, 0, new Dictionary<string, long> { ["Chunk"] = 3_000 }),
        ];

        var sut = ScaleResult.ByCode(rounds);

        Assert.Equal(["Chunk", "Publish", ScaleResult.TlsAndFraming], sut.Keys);
        Assert.Equal(new ScaleFigure(3_000, 2_000), sut["Chunk"]);
        Assert.Equal(new ScaleFigure(200, 100), sut["Publish"]);
        Assert.Equal(new ScaleFigure(300, 200), sut[ScaleResult.TlsAndFraming]);
    }
}
