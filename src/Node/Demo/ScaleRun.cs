using System.Collections.Concurrent;
using FedChain.Contracts.Events;
using FedChain.Learning.Collection;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Node.Agent;
using FedChain.Node.Audit;
using FedChain.Node.Datasets;

namespace FedChain.Node.Demo;

/// <summary>
/// `fedchain bench scale`: N `fedchain node` processes on anvil, one consortium of N founding members on an
/// N-way split of the heart-disease rows (<see cref="ScaleSplit"/>), through a sharded plan (an MLP, so the
/// update is not trivially small); then the same final bits on every node, the audit, and what each node
/// cost: memory, connections, bytes received per round, and round time.
/// </summary>
/// <param name="maxPeers">Each node's peer limit (<c>maxPeers</c> in its config); 0: a link to every member.</param>
/// <param name="memoryFloorBytes">The run stops its nodes and fails once the machine's available memory falls below this.</param>
public sealed class ScaleRun(int nodes, int rounds, long seed, string work, string? dataFolder, int maxPeers, long memoryFloorBytes)
{
    private readonly ConcurrentQueue<(NodeProcess Node, NodeStatus Status, long Resident, long Proportional)> _lines = new();

    public const string Split = "the heart-disease rows of the four UCI hospitals pooled, shuffled (seeded) and dealt in turn to N sites";

    public async Task<ScaleResult> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        var started = TimeProvider.System.GetTimestamp();
        var data = DatasetFolder.Find("heart-disease", dataFolder);
        var sites = ScaleSplit.Write(data.Sites.Sites, nodes, seed, Path.Combine(work, "sites"));
        progress.Report($"anvil, contracts and {nodes} founding members");
        // Every founder votes to start the plan; on a loaded machine 50 votes take longer than the demo's 10 s vote.
        await using var consortium = await LocalConsortium.CreateAsync(Path.Combine(work, "consortium"), sites, sites.Count, Path.Combine(data.Path, "schema.json"), null, ct,
            votingPeriodSeconds: (uint)Math.Max(10, 3 * nodes));
        foreach (var member in consortium.Members)
            File.WriteAllText(member.ConfigFile, (NodeConfig.Load(member.ConfigFile) with { MaxPeers = maxPeers }).ToJson());
        var plan = Plan(data.Schema);
        consortium.OfferPlan(consortium.Members[0], plan);

        var ready = consortium.Members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var roundLines = 0;
        var processes = consortium.Members.Select(m => NodeProcess.Start(m, (node, s) =>
        {
            var roundLine = s.Event == "round";
            _lines.Enqueue((node, s, roundLine ? node.ResidentBytes() : 0, roundLine ? node.ProportionalBytes() : 0));
            if (s.Event == "ready") ready[s.Site].TrySetResult();
            if (s.Event == "round") progress.Report($"{Interlocked.Increment(ref roundLines)} of {nodes * (rounds + 1)} node-rounds done");
        })).ToList();
        System.Numerics.BigInteger planId;
        using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var lowMemory = MachineMemory.BelowAsync(memoryFloorBytes, TimeProvider.System, stopWatching.Token);
        try
        {
            progress.Report($"starting {nodes} node processes");
            var anyExit = Task.WhenAny(processes.Select(p => p.Exited));
            var first = await Task.WhenAny(Task.WhenAll(ready.Values.Select(r => r.Task)), anyExit, lowMemory).WaitAsync(ct);
            if (first == lowMemory) throw LowMemory(lowMemory.Result, processes);
            if (first == anyExit) throw new InvalidOperationException($"a node exited before it was ready; see {processes.First(p => p.Exited.IsCompleted).LogFile}");
            progress.Report("members approve and start the plan");
            planId = await consortium.StartPlanAsync(plan, ct);
            var exits = Task.WhenAll(processes.Select(p => p.Exited));
            if (await Task.WhenAny(exits, lowMemory).WaitAsync(ct) == lowMemory) throw LowMemory(lowMemory.Result, processes);
            var codes = await exits;
            if (codes.Any(c => c != 0)) throw new InvalidOperationException($"{codes.Count(c => c != 0)} node(s) exited with an error; see {processes.First(p => p.Exited.Result != 0).LogFile}");
        }
        finally
        {
            await stopWatching.CancelAsync();
            foreach (var process in processes) process.Dispose();
        }

        var errors = _lines.Where(l => l.Status.Event == "error").Select(l => $"{l.Status.Site}: {l.Status.Detail}").ToList();
        if (errors.Count > 0) throw new InvalidOperationException("a node reported an error:\n" + string.Join("\n", errors));
        var results = consortium.Members.Select(m => m.ReadResult(planId)).ToList();
        progress.Report("audit");
        // Shards stay on their member and aggregators: the auditor collects every member's export.
        var blobs = GatheredExports.Gather(results.Select(r => r.BlobExport!), Path.Combine(work, "audit-blobs"));
        var audit = await Auditor.RunAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock, blobs, null, ct);
        return Figures(plan, results.Select(r => r.FinalModelHash).Distinct().Count() == 1, audit, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
    }

    private InsufficientMemoryException LowMemory(long available, IReadOnlyList<NodeProcess> processes) =>
        new($"the machine's available memory fell to {available / 1e6:F0} MB, below the {memoryFloorBytes / 1e6:F0} MB floor, with {nodes} node processes "
            + $"of {processes.Max(p => p.ResidentBytes()) / 1e6:F0} MB resident (proportional {processes.Average(p => p.ProportionalBytes()) / 1e6:F0} MB) each at most: stopped them");

    private TrainingPlan Plan(DatasetSchema schema) => LocalConsortium.WithTerms(
        DemoPlan.HeartDisease(schema, rounds, seed) with
        {
            Model = new ModelSpec(ModelKind.Mlp, [256, 256]),
            Contribution = null,
            Quantisation = new QuantisationSettings(FixedPointBits: 16, MaxMembers: Math.Max(16, nodes)),
            Collection = new CollectionSettings(CollectionMode.Sharded),
        },
        commitWindowSeconds: (uint)(60 + 3 * nodes), enrolmentWindowSeconds: (uint)(120 + 4 * nodes)).Validate();

    private ScaleResult Figures(TrainingPlan plan, bool identical, AuditResult audit, double totalSeconds)
    {
        var rounds = _lines.Where(l => l.Status is { Event: "round", Round: not null, Timing: not null, Traffic: not null })
            .GroupBy(l => l.Status.Site)
            .ToDictionary(g => g.Key, g => g.GroupBy(l => l.Status.Round!.Value).ToDictionary(r => r.Key, r => r.First()));
        List<double> received = [], seconds = [];
        List<NodeTraffic> roundTraffic = [];
        var bySite = rounds.ToDictionary(n => n.Key, _ => new List<long>());
        for (var r = 1; r <= plan.Rounds; r++)
        {
            var round = r;
            var here = rounds.Values.Where(n => n.ContainsKey(round) && n.ContainsKey(round - 1)).ToList();
            foreach (var (site, lines) in rounds.Where(n => n.Value.ContainsKey(round) && n.Value.ContainsKey(round - 1)))
                bySite[site].Add(lines[round].Status.Traffic!.BytesReceived - lines[round - 1].Status.Traffic!.BytesReceived);
            received.AddRange(here.Select(n => (double)(n[round].Status.Traffic!.BytesReceived - n[round - 1].Status.Traffic!.BytesReceived)));
            roundTraffic.AddRange(here.Select(n => n[round].Status.Traffic!.Since(n[round - 1].Status.Traffic!)));
            if (here.Count > 0) seconds.Add((here.Max(n => n[round].Status.Timing!.AggregatedAt) - here.Min(n => n[round].Status.Timing!.StartedAt)) / 1000.0);
        }

        var memory = rounds.Values.Select(n => (double)n.Values.Max(l => l.Resident)).ToList();
        var proportional = rounds.Values.Select(n => (double)n.Values.Max(l => l.Proportional)).ToList();
        var connections = rounds.Values.Select(n => (double)n.Values.Max(l => l.Status.Traffic!.Connections)).ToList();
        return new ScaleResult(nodes, Split, maxPeers, plan.Rounds, plan.WireLength * 4L, seconds, ScaleFigure.Of(received), ScaleFigure.Of(memory), ScaleFigure.Of(proportional), ScaleFigure.Of(connections),
            totalSeconds, identical, [.. audit.Findings.Select(f => f.ToString())]) { ReceivedBySite = bySite, ReceivedByCodePerRound = ScaleResult.ByCode(roundTraffic) };
    }
}
