using System.Collections.Concurrent;
using System.Security.Cryptography;
using FedChain.Contracts;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Node.Blobs;
using FedChain.Node.ChainView;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;
using FedChain.Node.Rounds.Availability;
using FedChain.Node.Tests.Support;
using FedChain.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Nethereum.Web3.Accounts;

namespace FedChain.Node.Tests.Rounds;

/// <summary>
/// A node's store takes from peers only what the chain references (or what a running plan needs before the
/// chain can reference it), within its quota: real anvil with a deployed consortium, real loopback peers.
/// Node 0 publishes first; node 1 (the victim) joins afterwards, so everything arrives in node 0's inventory.
/// </summary>
public sealed class BlobAdmissionTests(AnvilFixture anvil) : IClassFixture<AnvilFixture>
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task PeerAnnouncingUnreferencedBlobs_GetsNothingStored()
    {
        var chain = await DeployAsync();
        using var forged = NodeKey.Generate();
        List<byte[]> junk =
        [
            .. Enumerable.Range(0, 20).Select(i => RandomNumberGenerator.GetBytes(1024 + i)),
            .. Enumerable.Range(0, 5).Select(i => BlobEnvelope.Seal(forged, EnvelopeKind.Update, SHA256.HashData([(byte)i]), 1, 10, new byte[64])),
        ];

        var (cluster, outcomes) = await VictimJoiningAsync(chain, junk);
        await using (cluster)
        {
            await outcomes.WaitForAsync(junk.Count);

            Assert.Empty(cluster[1].Store.List());
            Assert.Equal(junk.Count, outcomes.Refused.Count);
            Assert.Contains(outcomes.Refused.Values, r => r.Contains("nor a signed envelope", StringComparison.Ordinal));
            Assert.Contains(outcomes.Refused.Values, r => r.Contains("which the chain does not run", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task PlanDocumentNamedByAStartPlanProposal_IsStored_AndNothingElse()
    {
        var chain = await DeployAsync();
        var document = "{\"a plan document\": true}"u8.ToArray();
        var junk = RandomNumberGenerator.GetBytes(2048);
        using (var founder = new ChainClient(anvil.Anvil.RpcUrl, anvil.Anvil.DevPrivateKeys[1], AnvilProcess.ChainId))
        {
            var proposal = Proposals.StartPlan(chain.Addresses, new PlanParams
            {
                PlanHash = SHA256.HashData(document),
                SchemaHash = SHA256.HashData("schema"u8),
                Invited = [founder.Address],
                MaxSamples = [100],
                Rounds = 2,
            });
            await new Consortium(founder, chain.Addresses).Governance.ProposeAsync(proposal);
        }

        await chain.Follower.CatchUpAsync(CancellationToken.None);

        var (cluster, outcomes) = await VictimJoiningAsync(chain, [document, junk]);
        await using (cluster)
        {
            await outcomes.WaitForAsync(2);

            Assert.Equal([BlobId.Compute(document)], cluster[1].Store.List().Select(b => b.Id));
            Assert.Equal([BlobId.Compute(junk)], outcomes.Refused.Keys);
        }
    }

    /// <summary>A plan document offered before its proposal exists is refused on its announcement; asked for by id
    /// later (the proposal's review, the plan's start), it is fetched from the peer that answers its manifest.</summary>
    [Fact]
    public async Task BlobRefusedOnItsAnnouncement_IsFetchedWhenAskedForById()
    {
        var chain = await DeployAsync();
        var offered = RandomNumberGenerator.GetBytes(3000);
        var id = BlobId.Compute(offered);

        var (cluster, outcomes) = await VictimJoiningAsync(chain, [offered]);
        await using (cluster)
        {
            await outcomes.WaitForAsync(1);
            Assert.Equal([id], outcomes.Refused.Keys);

            await cluster[1].FetchBlobAsync(id).WaitAsync(Wait);
            Assert.Equal([id], cluster[1].Store.List().Select(b => b.Id));
        }
    }

    [Fact]
    public async Task Quota_OnceFull_StoresNothingMoreFromPeers()
    {
        var blobs = Enumerable.Range(0, 5).Select(i => RandomNumberGenerator.GetBytes(4096 + i)).ToList();

        var (cluster, outcomes) = await VictimJoiningAsync(null, blobs, quotaBytes: 10_000);
        await using (cluster)
        {
            await outcomes.WaitForAsync(blobs.Count);

            Assert.Equal(2, cluster[1].Store.List().Count);
            Assert.True(cluster[1].Store.StoredBytes <= 10_000, $"{cluster[1].Store.StoredBytes} bytes stored over a 10,000-byte quota");
            Assert.Equal(3, outcomes.Refused.Count);
            Assert.All(outcomes.Refused.Values, r => Assert.Contains("quota of 10,000 bytes", r, StringComparison.Ordinal));
        }
    }

    /// <summary>Node 0 publishes <paramref name="blobs"/>; then node 1 starts with the chain's admission (when a chain is given) and the quota.</summary>
    private static async Task<(LoopbackCluster Cluster, Outcomes Outcomes)> VictimJoiningAsync(DeployedChain? chain, IReadOnlyList<byte[]> blobs, long? quotaBytes = null)
    {
        var outcomes = new Outcomes();
        var cluster = await LoopbackCluster.StartAsync(1, configureStore: (index, store) =>
        {
            if (index == 0) return;
            if (chain is not null) store.Admission = new ChainBlobAdmission(chain.Follower);
            store.QuotaBytes = quotaBytes;
            store.Stored += (_, blob) => outcomes.Add(blob.Id, null);
            store.Refused += (_, refusal) => outcomes.Add(refusal.Id, refusal.Reason);
        });
        foreach (var blob in blobs) await cluster[0].PublishBlobAsync(blob);
        await cluster.AddNodeAsync();
        return (cluster, outcomes);
    }

    private async Task<DeployedChain> DeployAsync()
    {
        using var deployer = new ChainClient(anvil.Anvil.RpcUrl, anvil.Anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
        var founders = new[] { 1, 2 }.Select(k => new MemberInfo(new Account(anvil.Anvil.DevPrivateKeys[k]).Address, MemberRole.Member, $"founder-{k}", $"127.0.0.1:{7100 + k}")).ToList();
        var addresses = await ConsortiumDeployer.DeployAsync(deployer, founders, new DeploymentOptions());
        // a second later, so the founders' votes (checkpointed at bootstrap) count for proposals
        await new AnvilControl(deployer).IncreaseTimeAsync(1);
        var reader = new ChainClient(anvil.Anvil.RpcUrl, null, AnvilProcess.ChainId);
        var follower = new ChainFollower(reader, addresses, TimeProvider.System, TimeSpan.FromMilliseconds(50), NullLogger.Instance);
        await follower.CatchUpAsync(CancellationToken.None);
        return new DeployedChain(addresses, follower);
    }

    private sealed record DeployedChain(ConsortiumAddresses Addresses, ChainFollower Follower);

    /// <summary>What the victim's store did with each fetched blob, and a wait for a number of them.</summary>
    private sealed class Outcomes
    {
        private readonly SemaphoreSlim _signal = new(0);
        private readonly ConcurrentDictionary<BlobId, string?> _all = new();

        public IReadOnlyDictionary<BlobId, string> Refused => _all.Where(o => o.Value is not null).ToDictionary(o => o.Key, o => o.Value!);

        public void Add(BlobId id, string? refusal)
        {
            if (_all.TryAdd(id, refusal)) _signal.Release();
        }

        public async Task WaitForAsync(int count)
        {
            using var timeout = new CancellationTokenSource(Wait);
            while (_all.Count < count) await _signal.WaitAsync(timeout.Token);
        }
    }
}
