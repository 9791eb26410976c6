using System.Security.Cryptography;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Audit;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// A two-round plan of four honest nodes and one dishonest member, "mallory", played by the test:
/// each round mallory commits the hash of cleveland's blob as its own (a forged commitment), and
/// from round 1 on its commits vote a made-up aggregate (for the round before). The audit must name each misdeed by round and member,
/// and must fail, naming the round and the member, when a stored blob is altered.
/// </summary>
[Collection(FedChain.Node.Tests.EndToEnd.ConsortiumCollection.Name)]
public sealed class AuditTamperTests(AuditTamperTests.Run run) : IClassFixture<AuditTamperTests.Run>
{
    [Fact]
    public void Audit_ForgedCommitment_NamesTheRoundAndTheMember()
    {
        var finding = Assert.Single(run.Findings, f => f.Round == 0 && Same(f.Member, run.Mallory) && f.Problem.Contains("signed by", StringComparison.Ordinal));
        Assert.Contains($"signed by {run.Cleveland}, not by the committing member", finding.Problem, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Audit_WrongAggregateVote_NamesTheRoundAndTheMember()
    {
        var finding = Assert.Single(run.Findings, f => f.Round == 1 && Same(f.Member, run.Mallory) && f.Problem.StartsWith("voted aggregate", StringComparison.Ordinal));
        Assert.Contains(Convert.ToHexStringLower(run.MalloryVote)[..12], finding.Problem);
    }

    [Fact]
    public void Audit_HonestMembers_HaveNoFinding()
    {
        Assert.All(run.Findings, f => Assert.True(Same(f.Member, run.Mallory), f.ToString()));
        Assert.Equal(run.FinalHashes.Distinct().Single(), run.Finalised);
    }

    [Fact]
    public async Task Audit_OneByteOfAStoredBlobFlipped_NamesTheRoundAndTheMember()
    {
        using var copy = new TempDirectory();
        foreach (var file in Directory.GetFiles(run.Blobs)) File.Copy(file, Path.Combine(copy.Path, Path.GetFileName(file)));
        var target = Path.Combine(copy.Path, run.HungaryRoundOneBlob);
        var bytes = await File.ReadAllBytesAsync(target);
        bytes[bytes.Length / 2] ^= 0x01;
        await File.WriteAllBytesAsync(target, bytes);

        var audit = await Auditor.RunAsync(run.Reader(), run.FromBlock, copy.Path);

        Assert.False(audit.Ok);
        Assert.Contains(audit.Findings, f => f.Round == 1 && Same(f.Member, run.Hungary) && f.Problem.Contains("does not hash to the committed", StringComparison.Ordinal));
        Assert.DoesNotContain(audit.Findings, f => f.Round == 0 && Same(f.Member, run.Hungary));
    }

    private static bool Same(string? a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    /// <summary>Runs the plan once for the class.</summary>
    public sealed class Run : IAsyncLifetime
    {
        private readonly TempDirectory _dir = new();
        private LocalConsortium? _consortium;

        public IReadOnlyList<AuditFinding> Findings { get; private set; } = [];
        public string Mallory { get; private set; } = "";
        public string Cleveland { get; private set; } = "";
        public string Hungary { get; private set; } = "";
        public string HungaryRoundOneBlob { get; private set; } = "";
        public byte[] MalloryVote { get; } = SHA256.HashData("not the aggregate"u8);
        public string Blobs { get; private set; } = "";
        public ulong FromBlock => _consortium!.Addresses.DeploymentBlock;
        public IReadOnlyList<string> FinalHashes { get; private set; } = [];
        public string Finalised { get; private set; } = "";

        public ChainEventReader Reader() => new(_consortium!.Deployer, _consortium.Addresses);

        public async Task InitializeAsync()
        {
            var honest = HeartConsortium.Sites;
            _consortium = await HeartConsortium.CreateAsync(_dir.Path, [.. honest, honest[0] with { Site = "mallory" }]);
            var members = _consortium.Members;
            var mallory = members[^1];
            (Mallory, Cleveland, Hungary) = (mallory.Address, members[0].Address, members[1].Address);
            var plan = LocalConsortium.WithTerms(Demo.DemoPlan.HeartDisease(HeartConsortium.Schema, rounds: 2, seed: 11), commitWindowSeconds: 60, enrolmentWindowSeconds: 120);
            _consortium.OfferPlan(members[0], plan);
            var watch = new NodeWatch();
            var nodes = members.Take(4).Select(m => NodeProcess.Start(m)).ToList();
            foreach (var node in nodes) watch.Attach(node);
            try
            {
                await watch.AllAsync(honest.Select(s => s.Site), s => s.Event == "ready", "ready");
                var planId = await _consortium.StartPlanAsync(plan);
                await mallory.Chain.Ledger.OptInAsync(planId);
                for (var round = 0; round <= plan.Rounds; round++)
                {
                    var r = round;
                    await watch.WaitAsync(honest[0].Site, s => s.Round == r && s.Phase == "waiting for commits", $"cleveland committed round {r}");
                    var ledger = await LedgerState.ReplayAsync(Reader(), FromBlock);
                    var theirs = ledger.Plans[planId].Rounds[r].Commitments.First(c => Same(c.Member, Cleveland));
                    await mallory.Chain.Ledger.CommitAsync(new RoundCommitment(planId, (uint)r, theirs.BlobHash, theirs.SampleCount, r == 0 ? null : MalloryVote));
                }

                await watch.AllAsync(honest.Select(s => s.Site), s => s.Event == "done", "done", TimeSpan.FromMinutes(3));
                var results = members.Take(4).Select(m => m.ReadResult(planId)).ToList();
                FinalHashes = [.. results.Select(x => x.FinalModelHash)];
                Blobs = results[0].BlobExport!;
                var state = await LedgerState.ReplayAsync(Reader(), FromBlock);
                Finalised = Convert.ToHexStringLower(state.Plans[planId].Rounds[^1].FinalAggregate!);
                HungaryRoundOneBlob = Convert.ToHexStringLower(state.Plans[planId].Rounds[1].Commitments.First(c => Same(c.Member, Hungary)).BlobHash);
                Findings = (await Auditor.RunAsync(Reader(), FromBlock, Blobs)).Findings;
            }
            finally
            {
                foreach (var node in nodes) node.Dispose();
            }
        }

        public async Task DisposeAsync()
        {
            if (_consortium is not null) await _consortium.DisposeAsync();
            _dir.Dispose();
        }
    }
}
