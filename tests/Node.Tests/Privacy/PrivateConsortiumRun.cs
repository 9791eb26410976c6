using System.Collections.Concurrent;
using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Audit;
using FedChain.Node.Cli;
using FedChain.Node.Demo;
using FedChain.Node.Privacy;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Privacy;

/// <summary>
/// One real run shared by <see cref="NodePrivacyTests"/>: anvil, the four heart-disease hospitals as
/// four `fedchain node` processes, a DP plan of 3 rounds at epsilon 3 whose on-chain per-member
/// budget covers only 2 of them, then the audit.
/// </summary>
public sealed class PrivateConsortiumRun : IAsyncLifetime
{
    public const int Rounds = 3;
    public const int AffordableRounds = 2;
    private readonly TempDirectory _dir = new();
    private LocalConsortium? _consortium;

    public TrainingPlan Plan { get; private set; } = null!;

    public BigInteger PlanId { get; private set; }

    /// <summary>The chain's per-member epsilon cap: what the most expensive member spends in <see cref="AffordableRounds"/> rounds.</summary>
    public ulong CapMicro { get; private set; }

    public IReadOnlyList<ConsortiumMember> Members => Consortium.Members;

    public LocalConsortium Consortium => _consortium ?? throw new InvalidOperationException("the consortium did not start");

    public IReadOnlyList<int> ExitCodes { get; private set; } = [];

    public ConcurrentQueue<NodeStatus> Statuses { get; } = new();

    public LedgerState Ledger { get; private set; } = null!;

    public IReadOnlyList<PlanResult> Results { get; private set; } = [];

    public AuditResult Audit { get; private set; } = null!;

    public string Blobs => Results[0].BlobExport!;

    public ChainEventReader Reader => new(Consortium.Deployer, Consortium.Addresses);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = timeout.Token;
        var data = DatasetFolder.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));
        _consortium = await LocalConsortium.CreateAsync(_dir.File("consortium"), [.. data.Sites.Sites.Select(s => (s.Site, s.File))],
            data.Sites.Sites.Count, Path.Combine(data.Path, "schema.json"), ct: ct);
        var plain = DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42);
        Plan = LocalConsortium.WithTerms(DemoPlan.WithPrivacy(plain, epsilon: 3, delta: 1e-5, DemoPlan.TrainRows(plain, data)), commitWindowSeconds: 15, enrolmentWindowSeconds: 60);
        CapMicro = (ulong)Members.Max(m => PrivacySchedule.CumulativeMicro(MemberDpSgd.For(Plan, m.Site), AffordableRounds));
        Consortium.OfferPlan(Members[0], Plan);

        var ready = Members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var nodes = Members.Select(m => NodeProcess.Start(m, (_, s) =>
        {
            Statuses.Enqueue(s);
            if (s.Event == "ready") ready[s.Site].TrySetResult();
        })).ToList();
        try
        {
            await Task.WhenAny(Task.WhenAll(ready.Values.Select(r => r.Task)), Task.WhenAny(nodes.Select(n => n.Exited))).WaitAsync(ct);
            PlanId = await Consortium.StartPlanAsync(Plan, ct, CapMicro);
            ExitCodes = await Task.WhenAll(nodes.Select(n => n.Exited)).WaitAsync(ct);
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }

        // Each node exits after its vote on the last aggregate is mined: the chain's story is complete.
        Ledger = await LedgerState.ReplayAsync(Reader, Consortium.Addresses.DeploymentBlock, ct);
        Results = [.. Members.Select(m => m.ReadResult(PlanId))];
        Audit = await Auditor.RunAsync(Reader, Consortium.Addresses.DeploymentBlock, Blobs, ct: ct);
    }

    public async Task DisposeAsync()
    {
        if (_consortium is not null) await _consortium.DisposeAsync();
        _dir.Dispose();
    }
}
