using System.Numerics;
using System.Text.Json;
using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Cli;
using FedChain.Node.Contributions;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Contributions;

/// <summary>
/// One scored plan, run once per test class: anvil, the four heart-disease hospitals as founders,
/// the demo plan (exact Shapley over 1 - Brier) for three rounds, four `fedchain node` processes.
/// Tests read what it left: the chain's events, the exported blobs and each node's scores.json.
/// </summary>
public sealed class ScoredPlanFixture : IAsyncLifetime
{
    public const int Rounds = 3;
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(4);
    private readonly TempDirectory _dir = new();

    public LocalConsortium Consortium { get; private set; } = null!;

    public TrainingPlan Plan { get; private set; } = null!;

    public BigInteger PlanId { get; private set; }

    public IReadOnlyList<ChainEvent> Events { get; private set; } = [];

    public LedgerState State { get; private set; } = null!;

    /// <summary>The first hospital's exported blobs (every blob replicates to every node).</summary>
    public string Blobs { get; private set; } = "";

    /// <summary>Each node's scores.json, in member order.</summary>
    public IReadOnlyList<NodeScores> NodeScores { get; private set; } = [];

    public string TempPath => _dir.Path;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        var ct = timeout.Token;
        var data = DatasetFolder.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));
        var sites = data.Sites.Sites.Select(s => (s.Site, s.File)).ToList();
        Consortium = await LocalConsortium.CreateAsync(Path.Combine(_dir.Path, "consortium"), sites, sites.Count, Path.Combine(data.Path, "schema.json"), ct: ct);
        Plan = LocalConsortium.WithTerms(DemoPlan.HeartDisease(data.Schema, Rounds, 42), 30, 300);
        Consortium.OfferPlan(Consortium.Members[0], Plan);

        var ready = Consortium.Members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var nodes = Consortium.Members.Select(m => NodeProcess.Start(m, (n, s) =>
        {
            if (s.Event == "ready") ready[n.Member.Site].TrySetResult();
        })).ToList();
        try
        {
            await Task.WhenAll(ready.Values.Select(r => r.Task)).WaitAsync(ct);
            PlanId = await Consortium.StartPlanAsync(Plan, ct);
            var codes = await Task.WhenAll(nodes.Select(n => n.Exited)).WaitAsync(ct);
            for (var i = 0; i < codes.Length; i++)
                Assert.True(codes[i] == 0, $"{nodes[i].Member.Site}'s node exited with {codes[i]}; see {nodes[i].LogFile}");
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }

        var reader = new ChainEventReader(Consortium.Deployer, Consortium.Addresses);
        Events = await reader.ReadAsync(Consortium.Addresses.DeploymentBlock, null, ct);
        State = StateOf(Events);
        Blobs = Path.Combine(Consortium.Members[0].Directory, "blobs");
        NodeScores = [.. Consortium.Members.Select(m => JsonSerializer.Deserialize<NodeScores>(
            File.ReadAllText(Path.Combine(m.Directory, "state", "plans", PlanId.ToString(), "scores.json")), StatusReporter.Json)!)];
    }

    public static LedgerState StateOf(IEnumerable<ChainEvent> events)
    {
        var state = new LedgerState();
        foreach (var e in events) state.Apply(e);
        return state;
    }

    public async Task DisposeAsync()
    {
        if (Consortium is not null) await Consortium.DisposeAsync();
        _dir.Dispose();
    }
}
