using System.Collections.Concurrent;
using System.Numerics;
using System.Text.Json;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Agent;
using FedChain.Node.Agent.Misbehaviour;
using FedChain.Node.Audit;
using FedChain.Node.Contributions;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;
using FedChain.Node.Identity;
using FedChain.Node.ShardedRounds;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// One real consortium run, shared by a test class: anvil, the builder's dataset's institutions (heart
/// disease's four hospitals unless it names another) as `fedchain node` processes, the plans of
/// <see cref="ConsortiumRunBuilder"/> started together, then the
/// chain's events, each node's result.json (and scores.json) and the audit. Each fixture is a
/// subclass that only configures the _builder.
/// </summary>
public abstract class ConsortiumRun : IAsyncLifetime
{
    private readonly ConsortiumRunBuilder _builder;
    private readonly TempDirectory _dir = new();
    private LocalConsortium? _consortium;

    private protected ConsortiumRun(ConsortiumRunBuilder builder)
    {
        _builder = builder;
        Data = ConsortiumDataset.Find(builder.Dataset, RepoPaths.Combine("data", builder.Dataset));
    }

    public LocalConsortium Consortium => _consortium ?? throw new InvalidOperationException("the consortium did not start");

    public IReadOnlyList<ConsortiumMember> Members => Consortium.Members;

    internal ConsortiumDataset Data { get; }

    /// <summary>Each institution's data source, by site.</summary>
    public IReadOnlyDictionary<string, SiteSource> DataFiles => Data.Sites.ToDictionary(s => s.Site);

    /// <summary>The plans run, in start order.</summary>
    public IReadOnlyList<TrainingPlan> Plans { get; private set; } = [];

    public IReadOnlyList<BigInteger> PlanIds { get; private set; } = [];

    /// <summary>The first plan (most runs have one).</summary>
    public TrainingPlan Plan => Plans[0];

    public BigInteger PlanId => PlanIds[0];

    /// <summary>The member whose node kills itself before committing, or in the aggregation of, the builder's round, if any.</summary>
    public ConsortiumMember? Victim { get; private set; }

    /// <summary>The keeper that says it holds parts it never pulled (<see cref="ConsortiumRunBuilder.LyingKeeperRound"/>), if any.</summary>
    public ConsortiumMember? LyingKeeper { get; private set; }

    /// <summary>Every member that finished: all but a victim that was not restarted.</summary>
    public IReadOnlyList<ConsortiumMember> Survivors => [.. Members.Where(m => m != Victim || _builder.RestartVictim)];

    /// <summary>The victim's exit code (SIGKILL's 137 when it crashed where it was told to).</summary>
    public int? VictimExitCode { get; private set; }

    /// <summary>The restarted victim's exit code, if it was restarted.</summary>
    public int? RestartedExitCode { get; private set; }

    /// <summary>Refusals of the plans the builder expects every node to refuse: the status lines' details.</summary>
    public IReadOnlyList<NodeStatus> Refusals { get; private set; } = [];

    /// <summary>The survivors' exit codes, in member order.</summary>
    public IReadOnlyList<int> ExitCodes { get; private set; } = [];

    public ConcurrentQueue<NodeStatus> Statuses { get; } = new();

    public IReadOnlyList<ChainEvent> Events { get; private set; } = [];

    public LedgerState Ledger { get; private set; } = null!;

    /// <summary>The survivors' result.json of the first plan, in member order.</summary>
    public IReadOnlyList<PlanResult> Results { get; private set; } = [];

    public AuditResult Audit { get; private set; } = null!;

    /// <summary>The first member's exported blobs (every blob replicates to every node); with <see cref="ConsortiumRunBuilder.AuditingEveryExport"/>,
    /// every survivor's exports gathered (a sharded plan's shards stay on their member and aggregators).</summary>
    public string Blobs => _builder.GatherExports ? Path.Combine(TempPath, "gathered-blobs") : Path.Combine(Members[0].Directory, "blobs");

    public string TempPath => _dir.Path;

    public ChainEventReader Reader => new(Consortium.Deployer, Consortium.Addresses);

    /// <summary>The final model hash `fedchain simulate` reaches with <paramref name="plan"/> on the run's sites.</summary>
    /// <param name="options">How to simulate (an asynchronous plan: the arrivals to replay); default: evaluating only the last round.</param>
    public string SimulatedModelHash(TrainingPlan plan, SimulationOptions? options = null) => Data.SimulatedModelHash(plan, options);

    /// <summary>Asserts that every node exited cleanly and ends plan <paramref name="index"/> with `fedchain simulate`'s final model, and that the chain finalised that model.</summary>
    public void AssertEveryNodeHoldsTheSimulatedModel(int index)
    {
        var expected = SimulatedModelHash(Plans[index]);

        Assert.All(ExitCodes, code => Assert.Equal(0, code));
        Assert.All(Members, m => Assert.Equal(expected, ResultOf(m, PlanIds[index]).FinalModelHash));
        Assert.Equal(expected, Convert.ToHexStringLower(Ledger.Plans[PlanIds[index]].Rounds[^1].FinalAggregate!));
    }

    /// <summary>A survivor's result.json of plan <paramref name="planId"/>.</summary>
    public PlanResult ResultOf(ConsortiumMember member, BigInteger planId) => member.ReadResult(planId);

    /// <summary>Each survivor's scores.json of the first plan, in member order.</summary>
    public IReadOnlyList<NodeScores> NodeScores => [.. Survivors.Select(m => JsonSerializer.Deserialize<NodeScores>(
        File.ReadAllText(Path.Combine(m.Directory, "state", "plans", PlanId.ToString(), "scores.json")), StatusReporter.Json)!)];

    public static LedgerState StateOf(IEnumerable<ChainEvent> events)
    {
        var state = new LedgerState();
        foreach (var e in events) state.Apply(e);
        return state;
    }

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(_builder.Timeout);
        var ct = timeout.Token;
        _consortium = await LocalConsortium.CreateAsync(_dir.File("consortium"), Data.Sites,
            Data.Sites.Count, Data.WriteSchema(_dir.File("schema")), ct: ct);
        Plans = [.. _builder.Plans.Select(p => LocalConsortium.WithTerms(p(Data), _builder.CommitWindowSeconds, _builder.EnrolmentWindowSeconds))];
        if (Plans.Count > Members.Count) throw new ArgumentException($"{Plans.Count} plans, but each member offers at most one document");
        for (var i = 0; i < Plans.Count; i++) Consortium.OfferPlan(Members[i], Plans[i]);
        if (_builder.CrashLastBeforeCommittingRound is not null || _builder.CrashLastMidAggregationRound is not null || _builder.CrashLastAfterCommittingRound is not null)
        {
            Victim = Members[^1];
            Configure(Victim, c => c with
            {
                CrashBeforeCommittingRound = _builder.CrashLastBeforeCommittingRound,
                CrashMidAggregationRound = _builder.CrashLastMidAggregationRound,
                CrashAfterCommittingRound = _builder.CrashLastAfterCommittingRound,
            });
        }

        if (_builder.GoneMemberShardSeconds is { } gone)
        {
            foreach (var member in Members) Configure(member, c => c with { GoneMemberShardSeconds = gone });
        }

        if (_builder.LyingKeeperRound is { } lying)
        {
            Victim = Members[^1];
            Configure(Victim, c => c with { CrashAfterAvailabilityRound = lying });
            var order = Members.Select(m => NodeAddress.Parse(m.Address)).Order().ToList();
            var keeper = ShardedCommit.Keeper(NodeAddress.Parse(Victim.Address), order, 0, _ => true);
            LyingKeeper = Members.First(m => NodeAddress.Parse(m.Address) == keeper);
            Configure(LyingKeeper, c => c with { Misbehaviour = new NodeMisbehaviour(FalseHoldingsRound: lying) });
        }

        if (_builder.FirstLiesAsAggregatorRound is { } lie) Configure(Members[0], c => c with { LieAsAggregatorRound = lie });
        foreach (var (member, misbehaviour) in _builder.Misbehaviours) Configure(Members[member], c => c with { Misbehaviour = misbehaviour });

        if (_builder.LastMemberSlowdown is { } slowdown)
            File.WriteAllText(Members[^1].ConfigFile, (NodeConfig.Load(Members[^1].ConfigFile) with { TrainingSlowdown = slowdown }).ToJson());

        var ready = Members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        void OnStatus(NodeProcess node, NodeStatus s)
        {
            Statuses.Enqueue(s);
            if (s.Event == "ready") ready[s.Site].TrySetResult();
        }

        var nodes = Members.Select(m => NodeProcess.Start(m, OnStatus)).ToList();
        try
        {
            await Task.WhenAny(Task.WhenAll(ready.Values.Select(r => r.Task)), Task.WhenAny(nodes.Select(n => n.Exited))).WaitAsync(ct);
            if (_builder.LifetimeBudgetMicro is { } lifetime) await SetLifetimeBudgetAsync(lifetime(Plans), ct);
            PlanIds = await Consortium.StartPlansAsync([.. Plans.Select(p => (p, _builder.EpsilonCapMicro?.Invoke(p)))], ct);
            if (Victim is not null)
            {
                VictimExitCode = await nodes[^1].Exited.WaitAsync(ct);
                if (_builder.RestartVictim)
                {
                    Configure(Victim, c => c with { CrashBeforeCommittingRound = null });
                    nodes.Add(NodeProcess.Start(Victim, OnStatus));
                    RestartedExitCode = await nodes[^1].Exited.WaitAsync(ct);
                }
            }

            ExitCodes = await Task.WhenAll(nodes.Take(Members.Count).Where(n => n.Member != Victim).Select(n => n.Exited)).WaitAsync(ct);
        }
        catch (OperationCanceledException e)
        {
            var logs = nodes.Select(n => $"--- {n.Member.Site}:\n" + string.Join("\n", File.ReadLines(n.LogFile).TakeLast(15)));
            throw new TimeoutException("the consortium run did not finish; last statuses:\n"
                + string.Join("\n", Statuses.TakeLast(25).Select(s => $"{s.Site} {s.Event} r{s.Round} {s.Phase} {s.Detail}")) + "\n" + string.Join("\n", logs), e);
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }

        var refused = _builder.RefusedPlans.Select(i => PlanIds[i].ToString()).ToHashSet();
        Refusals = [.. Statuses.Where(s => s.Event == "error" && refused.Contains(s.PlanId ?? ""))];
        var errors = Statuses.Where(s => s.Event == "error" && !refused.Contains(s.PlanId ?? "")).Select(s => $"{s.Site}: {s.Detail}").ToList();
        if (errors.Count > 0) throw new InvalidOperationException("a node reported an error:\n" + string.Join("\n", errors));

        // Each node exits after its vote on the last aggregate is mined: the chain's story is complete.
        Events = await Reader.ReadAsync(Consortium.Addresses.DeploymentBlock, null, ct);
        Ledger = StateOf(Events);
        Results = [.. Survivors.Select(m => m.ReadResult(PlanId))];
        if (_builder.GatherExports) GatheredExports.Gather(Survivors.Select(m => Path.Combine(m.Directory, "blobs")), Blobs);
        Audit = await Auditor.RunAsync(Reader, Consortium.Addresses.DeploymentBlock, Blobs, ct: ct);
    }

    private static void Configure(ConsortiumMember member, Func<NodeConfig, NodeConfig> change) =>
        File.WriteAllText(member.ConfigFile, change(NodeConfig.Load(member.ConfigFile)).ToJson());

    /// <summary>Governance sets the lifetime epsilon budget of the plans' dataset (their schema) before they start.</summary>
    private async Task SetLifetimeBudgetAsync(ulong budgetMicro, CancellationToken ct)
    {
        var dataset = Convert.FromHexString(Plans[0].Schema.Hash);
        await Consortium.PassAsync(Proposals.Settings(Consortium.Addresses, new SettingsChange { LifetimeBudgets = [(dataset, budgetMicro)] }), ct);
    }

    public async Task DisposeAsync()
    {
        if (_consortium is not null) await _consortium.DisposeAsync();
        _dir.Dispose();
    }
}
