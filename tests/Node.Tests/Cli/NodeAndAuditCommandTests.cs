using FedChain.Node.Agent;
using FedChain.Node.Cli;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

/// <summary>Bad input to `fedchain node` and `fedchain audit` ends with a clear message and exit code 2, before anything starts.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class NodeAndAuditCommandTests
{
    [Fact]
    public async Task Node_MissingConfig_ExitsTwo()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["node", "--config", dir.File("absent.json")]).InvokeAsync();

        Assert.Equal(2, exit);
    }

    [Fact]
    public void NodeConfig_UnknownFieldAndMissingFile_AreNamedWithTheFile()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("typo.json"), """{"keystore": "k", "site": "s", "data": "d", "schema": "x", "addresses": "a", "stateDirectory": "st", "listn": "1"}""");
        File.WriteAllText(dir.File("missing.json"), """{"keystore": "k.json", "site": "s", "data": "d.csv", "schema": "x", "addresses": "a", "stateDirectory": "st"}""");

        var typo = Assert.Throws<InvalidDataException>(() => NodeConfig.Load(dir.File("typo.json")));
        var missing = Assert.Throws<InvalidDataException>(() => NodeConfig.Load(dir.File("missing.json")));

        Assert.Contains("typo.json", typo.Message);
        Assert.Contains("listn", typo.Message);
        Assert.Contains("keystore file", missing.Message);
        Assert.Contains("k.json", missing.Message);
    }

    [Fact]
    public async Task Audit_MissingAddressesFile_ExitsTwo()
    {
        using var dir = new TempDirectory();

        var exit = await FedChainCommandLine.Build().Parse(["audit", "--addresses", dir.File("absent.json"), "--blobs", dir.Path]).InvokeAsync();

        Assert.Equal(2, exit);
    }
}
