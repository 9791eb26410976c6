using FedChain.Node.Agent;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>Sharded plans' shards go point to point unless the node config says otherwise.</summary>
public sealed class PointToPointShardsConfigTests
{
    [Theory]
    [InlineData("", true)]
    [InlineData(""", "pointToPointShards": false""", false)]
    [InlineData(""", "pointToPointShards": true""", true)]
    public void Load_PointToPointShards_IsOnUnlessTurnedOff(string field, bool expected)
    {
        using var dir = new TempDirectory();
        foreach (var file in new[] { "k.json", "d.csv", "x.json", "a.json" }) File.WriteAllText(dir.File(file), "");
        File.WriteAllText(dir.File("node.json"), $$"""{"keystore": "k.json", "site": "s", "data": "d.csv", "schema": "x.json", "addresses": "a.json", "stateDirectory": "st"{{field}}}""");

        var sut = NodeConfig.Load(dir.File("node.json"));

        Assert.Equal(expected, sut.PointToPointShards);
    }
}
