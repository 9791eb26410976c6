using System.Collections.Concurrent;
using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Audit;
using FedChain.Node.Cli;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.SecureAggregation;

/// <summary>
/// One real run shared by <see cref="NodeSecureAggregationTests"/>: anvil, the four heart-disease
/// hospitals as four `fedchain node` processes, the demo plan with secure aggregation (t = 3) over 2
/// rounds; the last hospital is SIGKILLed once it holds round 1's aggregate, after the key exchange and
/// before its round-2 commit, so round 2 is unmasked with its mask key rebuilt from the survivors' shares.
/// </summary>
public sealed class SecureConsortiumRun : IAsyncLifetime
{
    public const int Rounds = 2;
    private readonly TempDirectory _dir = new();
    private LocalConsortium? _consortium;

    public TrainingPlan Plan { get; private set; } = null!;

    public BigInteger PlanId { get; private set; }

    public IReadOnlyList<ConsortiumMember> Members => Consortium.Members;

    /// <summary>Each hospital's data file, by site.</summary>
    public IReadOnlyDictionary<string, string> DataFiles { get; private set; } = new Dictionary<string, string>();

    public ConsortiumMember Victim => Members[^1];

    public LocalConsortium Consortium => _consortium ?? throw new InvalidOperationException("the consortium did not start");

    public IReadOnlyList<int> SurvivorExitCodes { get; private set; } = [];

    public ConcurrentQueue<NodeStatus> Statuses { get; } = new();

    public LedgerState Ledger { get; private set; } = null!;

    public IReadOnlyList<PlanResult> Results { get; private set; } = [];

    public AuditResult Audit { get; private set; } = null!;

    public string Blobs => Results[0].BlobExport!;

    public ChainEventReader Reader => new(Consortium.Deployer, Consortium.Addresses);

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var ct = timeout.Token;
        var data = DatasetFolder.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));
        DataFiles = data.Sites.Sites.ToDictionary(s => s.Site, s => s.File);
        _consortium = await LocalConsortium.CreateAsync(_dir.File("consortium"), [.. data.Sites.Sites.Select(s => (s.Site, s.File))],
            data.Sites.Sites.Count, Path.Combine(data.Path, "schema.json"), ct: ct);
        Plan = LocalConsortium.WithTerms(DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42) with { SecureAggregation = new SecureAggregationSettings(true, Threshold: 3), Contribution = null }, commitWindowSeconds: 15, enrolmentWindowSeconds: 60);
        Consortium.OfferPlan(Members[0], Plan);

        var ready = Members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var victimHoldsRound1 = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var nodes = Members.Select(m => NodeProcess.Start(m, (_, s) =>
        {
            Statuses.Enqueue(s);
            if (s.Event == "ready") ready[s.Site].TrySetResult();
            if (s.Site == Members[^1].Site && s.Event == "round" && s.Round == 1) victimHoldsRound1.TrySetResult();
        })).ToList();
        try
        {
            await Task.WhenAny(Task.WhenAll(ready.Values.Select(r => r.Task)), Task.WhenAny(nodes.Select(n => n.Exited))).WaitAsync(ct);
            PlanId = await Consortium.StartPlanAsync(Plan, ct);
            await victimHoldsRound1.Task.WaitAsync(ct);
            nodes[^1].Kill();
            SurvivorExitCodes = await Task.WhenAll(nodes.Take(nodes.Count - 1).Select(n => n.Exited)).WaitAsync(ct);
        }
        catch (OperationCanceledException e)
        {
            var logs = nodes.Select(n => $"--- {n.Member.Site}:\n" + string.Join("\n", File.ReadLines(n.LogFile).TakeLast(15)));
            throw new TimeoutException("the secure-aggregation run did not finish; last statuses:\n"
                + string.Join("\n", Statuses.TakeLast(25).Select(s => $"{s.Site} {s.Event} r{s.Round} {s.Phase} {s.Detail}")) + "\n" + string.Join("\n", logs), e);
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }

        Ledger = await LedgerState.ReplayAsync(Reader, Consortium.Addresses.DeploymentBlock, ct);
        Results = [.. Members.Take(Members.Count - 1).Select(m => m.ReadResult(PlanId))];
        Audit = await Auditor.RunAsync(Reader, Consortium.Addresses.DeploymentBlock, Blobs, ct: ct);
    }

    public async Task DisposeAsync()
    {
        if (_consortium is not null) await _consortium.DisposeAsync();
        _dir.Dispose();
    }
}
