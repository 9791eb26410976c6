using System.Collections.Concurrent;
using System.Numerics;
using System.Text.Json;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;
using FedChain.Learning.Analysis.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Agent;
using FedChain.Node.Analyses;
using FedChain.Node.Audit;
using FedChain.Node.Consent;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Analyses;

/// <summary>
/// One real consortium running analysis plans, shared by a test class: anvil, one `fedchain node`
/// process per site of a dataset folder, the plans started together in one governance proposal
/// (<see cref="AnalysisProposal"/>), then the chain's events, each node's analysis.json and
/// result.json, the audit (with the results it recomputes), and `fedchain analyse` on the same plans.
/// </summary>
public abstract class AnalysisConsortiumRun : IAsyncLifetime
{
    private readonly TempDirectory _dir = new();
    private readonly Func<DatasetFolder, IReadOnlyList<AnalysisPlan>> _plans;
    private LocalConsortium? _consortium;

    private protected AnalysisConsortiumRun(string dataset, Func<DatasetFolder, IReadOnlyList<AnalysisPlan>> plans)
    {
        Data = DatasetFolder.Find(dataset, RepoPaths.Combine("data", dataset));
        _plans = plans;
    }

    internal DatasetFolder Data { get; }

    public LocalConsortium Consortium => _consortium ?? throw new InvalidOperationException("the consortium did not start");

    public IReadOnlyList<ConsortiumMember> Members => Consortium.Members;

    public IReadOnlyList<AnalysisPlan> Plans { get; private set; } = [];

    public IReadOnlyList<BigInteger> PlanIds { get; private set; } = [];

    public IReadOnlyList<int> ExitCodes { get; private set; } = [];

    public ConcurrentQueue<NodeStatus> Statuses { get; } = new();

    public LedgerState Ledger { get; private set; } = null!;

    public AuditResult Audit { get; private set; } = null!;

    /// <summary>The first member's exported blobs (every blob replicates to every node).</summary>
    public string Blobs => Path.Combine(Members[0].Directory, "blobs");

    public string TempPath => _dir.Path;

    /// <summary>How long the whole run took, from anvil's start to the audit (for the report).</summary>
    public TimeSpan Elapsed { get; private set; }

    public PlanRecord Record(int plan) => Ledger.Plans[PlanIds[plan]];

    /// <summary>The analysis.json a member's node wrote for a plan.</summary>
    public string NodeAnalysisJson(ConsortiumMember member, int plan) => File.ReadAllText(Path.Combine(PlanFolder(member, plan), "analysis.json"));

    public AnalysisNodeResult NodeResult(ConsortiumMember member, int plan) =>
        JsonSerializer.Deserialize<AnalysisNodeResult>(File.ReadAllText(Path.Combine(PlanFolder(member, plan), "result.json")), StatusReporter.Json)!;

    /// <summary>The named result of a member's analysis.json.</summary>
    public JsonElement NodeResultOf(ConsortiumMember member, int plan, string analysis) =>
        JsonDocument.Parse(NodeAnalysisJson(member, plan)).RootElement.GetProperty("results").EnumerateArray().Single(r => r.GetProperty("name").GetString() == analysis);

    /// <summary>`fedchain analyse --plan plan.json --dataset DIR --out OUT` on a plan, run as its own process; its analysis.json.</summary>
    public async Task<string> FedchainAnalyseAsync(int plan)
    {
        var output = Path.Combine(_dir.Path, $"analyse-{plan}");
        var planFile = Path.Combine(_dir.Path, $"plan-{plan}.json");
        await File.WriteAllBytesAsync(planFile, Plans[plan].CanonicalBytes());
        var info = FedChainExecutable.StartInfo(["analyse", "--plan", planFile, "--dataset", Data.Path, "--out", output]);
        var run = await ProcessRun.RunAsync(info.FileName, info.ArgumentList, timeout: TimeSpan.FromMinutes(2));
        if (run.ExitCode != 0) throw new InvalidOperationException($"fedchain analyse exited {run.ExitCode}: {run.StdErr}{run.StdOut}");
        return await File.ReadAllTextAsync(Path.Combine(output, "analysis.json"));
    }

    private string PlanFolder(ConsortiumMember member, int plan) => Path.Combine(member.Directory, "state", "plans", PlanIds[plan].ToString());

    public async Task InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = timeout.Token;
        _consortium = await LocalConsortium.CreateAsync(_dir.File("consortium"), Data.Sites.Sites, Data.Sites.Sites.Count, Path.Combine(Data.Path, "schema.json"), ct: ct);
        Plans = [.. _plans(Data).Select(p => p.WithSchema(Data.Schema))];
        for (var i = 0; i < Plans.Count; i++) Offer(Members[i % Members.Count], Plans[i], i);

        var ready = Members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var nodes = Members.Select(m => NodeProcess.Start(m, (_, s) =>
        {
            Statuses.Enqueue(s);
            if (s.Event == "ready") ready[s.Site].TrySetResult();
        })).ToList();
        try
        {
            await Task.WhenAny(Task.WhenAll(ready.Values.Select(r => r.Task)), Task.WhenAny(nodes.Select(n => n.Exited))).WaitAsync(ct);
            PlanIds = await StartAsync(ct);
            ExitCodes = await Task.WhenAll(nodes.Select(n => n.Exited)).WaitAsync(ct);
        }
        catch (OperationCanceledException e)
        {
            var logs = nodes.Select(n => $"--- {n.Member.Site}:\n" + string.Join("\n", File.ReadLines(n.LogFile).TakeLast(15)));
            throw new TimeoutException("the analysis run did not finish; last statuses:\n"
                + string.Join("\n", Statuses.TakeLast(25).Select(s => $"{s.Site} {s.Event} r{s.Round} {s.Phase} {s.Detail}")) + "\n" + string.Join("\n", logs), e);
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }

        var errors = Statuses.Where(s => s.Event == "error").Select(s => $"{s.Site}: {s.Detail}").ToList();
        if (errors.Count > 0) throw new InvalidOperationException("a node reported an error:\n" + string.Join("\n", errors));
        var reader = new ChainEventReader(Consortium.Deployer, Consortium.Addresses);
        Ledger = await LedgerState.ReplayAsync(reader, Consortium.Addresses.DeploymentBlock, ct);
        Audit = await Auditor.RunAsync(reader, Consortium.Addresses.DeploymentBlock, Blobs, ct: ct);
        Elapsed = started.Elapsed;
    }

    /// <summary>Writes the plan document where the member's node offers it to the network.</summary>
    private static void Offer(ConsortiumMember publisher, AnalysisPlan plan, int index)
    {
        var file = Path.Combine(publisher.Directory, $"analysis-plan-{index}.json");
        File.WriteAllBytes(file, plan.CanonicalBytes());
        var config = NodeConfig.Load(publisher.ConfigFile);
        File.WriteAllText(publisher.ConfigFile, (config with { PublishPlans = [.. config.PublishPlans, file] }).ToJson());
    }

    /// <summary>
    /// Each member approves every plan locally, then governance starts them in one proposal, so they
    /// enrol together (a vote takes its real voting period). Wide windows: rounds close early when every site committed, so they
    /// only bound how long a loaded machine may take.
    /// </summary>
    private async Task<IReadOnlyList<BigInteger>> StartAsync(CancellationToken ct)
    {
        var voters = await Consortium.VotersAsync(ct);
        foreach (var voter in voters)
        {
            var config = NodeConfig.Load(voter.ConfigFile);
            foreach (var plan in Plans) new ApprovalBook(config.Resolve(config.StateDirectory)).Approve(plan.Hash, voter.Site, TimeProvider.System.GetUtcNow(), "analysis test");
        }

        var invited = voters.Select(v => (v.Address, v.Site)).ToList();
        var calls = Plans.Select(p => AnalysisProposal.For(Consortium.Addresses, p, invited, commitWindowSeconds: 120, enrolmentWindowSeconds: 120)).ToList();
        var proposal = new Proposal([.. calls.SelectMany(c => c.Targets)], [.. calls.SelectMany(c => c.Values)], [.. calls.SelectMany(c => c.Calldatas)],
            string.Join("; ", calls.Select(c => c.Description)));
        await Consortium.PassAsync(proposal, ct);
        var last = await voters[0].Chain.Ledger.PlanCountAsync(ct);
        return [.. Enumerable.Range(0, Plans.Count).Select(i => last - Plans.Count + 1 + i)];
    }

    public async Task DisposeAsync()
    {
        if (_consortium is not null) await _consortium.DisposeAsync();
        _dir.Dispose();
    }
}
