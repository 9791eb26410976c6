using FedChain.Contracts.Deployment;
using FedChain.Contracts.Membership;
using FedChain.TestSupport;

namespace FedChain.Contracts.Tests.Deployment;

public sealed class ConsortiumFileTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Write(string json)
    {
        var path = _dir.File("consortium.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Read_MembersAndAuditors_GivesChecksummedEntries()
    {
        var path = Write("""{"members": [{"name": "Cleveland", "address": "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "endpoint": "10.0.0.1:7001"}, {"name": "Audit", "address": "0x3C44CdDdB6a900fa2b585dd299e03d12FA4293BC", "role": "auditor"}]}""");

        var sut = ConsortiumFile.Read(path);

        Assert.Equal(new MemberInfo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8", MemberRole.Member, "Cleveland", "10.0.0.1:7001"), sut[0]);
        Assert.Equal(MemberRole.Auditor, sut[1].Role);
    }

    [Theory]
    [InlineData("""{"members": [{"name": "A", "address": "0x1234"}]}""", "members[0]: \"0x1234\" is not an Ethereum address")]
    [InlineData("""{"members": [{"address": "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"}]}""", "members[0]: missing \"name\"")]
    [InlineData("""{"members": [{"name": "A", "address": "0x70997970c51812dc3a010c7d01b50e0d17dc79c8", "role": "king"}]}""", "role \"king\" must be")]
    [InlineData("""{"members": [{"name": "A", "address": "0x70997970c51812dc3a010c7d01b50e0d17dc79c8"}, {"name": "B", "address": "0x70997970C51812dc3A010C7d01b50e0d17dc79C8"}]}""", "members[1]: address")]
    [InlineData("""{"members": []}""", "lists no members")]
    [InlineData("""{"members": [""", "not valid JSON")]
    public void Read_BadInput_NamesTheFileAndTheEntry(string json, string expected)
    {
        var path = Write(json);

        var e = Assert.Throws<InvalidDataException>(() => ConsortiumFile.Read(path));

        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Addresses_WrittenAndRead_RoundTrip()
    {
        var sut = new ConsortiumAddresses
        {
            RpcUrl = "http://127.0.0.1:8545/", ChainId = 31337, DeploymentBlock = 7,
            MembershipRegistry = "0x01", Timelock = "0x05", Governor = "0x02", TrainingLedger = "0x03", RewardToken = "0x04",
            VotingDelaySeconds = 1, VotingPeriodSeconds = 60, GovernanceQuorumPercent = 51, TimelockDelaySeconds = 1, GracePeriodSeconds = 3600,
        };

        await sut.WriteAsync(_dir.File("a/addresses.json"));

        Assert.Equal(sut, ConsortiumAddresses.Read(_dir.File("a/addresses.json")));
        Assert.Contains("\"trainingLedger\": \"0x03\"", await File.ReadAllTextAsync(_dir.File("a/addresses.json")), StringComparison.Ordinal);
        Assert.Contains("\"timelock\": \"0x05\"", await File.ReadAllTextAsync(_dir.File("a/addresses.json")), StringComparison.Ordinal);
    }
}
