using FedChain.Learning.Asynchronous;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Agent;
using FedChain.Node.Datasets;

namespace FedChain.Node.Demo;

/// <summary>
/// Synchronous against asynchronous rounds (FedBuff, Nguyen et al. 2022) with one slow hospital: for each
/// seed, two consortia of four `fedchain node` processes on anvil train the demo's heart-disease plan (no
/// scores), the last hospital's node training <c>slowdown</c> times as long. Synchronous rounds wait for
/// it every round; asynchronous windows close at every K-th commit. Each run's curve is its rounds' mean
/// per-site test accuracy (each node on its own rows) at the moment the first node held that round's
/// model, from the first node starting round 1; the target is 95% of the lowest final accuracy
/// synchronous training reaches over the seeds in `fedchain simulate` (the same bits as its nodes').
/// </summary>
internal sealed class AsyncBench(DatasetFolder data, int seeds, int rounds, int buffer, double slowdown, string work)
{
    /// <summary>Asynchronous windows per synchronous round: each window takes K updates, not every site's.</summary>
    public const int WindowsPerRound = 3;

    /// <summary>The target as a share of synchronous training's final accuracy: asynchronous steps lean towards the fast sites, whose updates are never stale, so they level off below it.</summary>
    public const double TargetShare = 0.95;

    private const uint CommitWindowSeconds = 600;

    public async Task<AsyncBenchDetail> RunAsync(IProgress<string> progress, CancellationToken ct)
    {
        var seedList = Enumerable.Range(42, seeds).Select(s => (long)s).ToList();
        progress.Report("simulating synchronous training for the target");
        var simulated = seedList.Select(seed => SimulatedFinal(SyncPlan(seed))).ToList();
        var target = TargetShare * simulated.Min();
        var runs = new List<AsyncBenchRun>();
        foreach (var seed in seedList)
        {
            foreach (var (kind, plan) in new[] { ("sync", SyncPlan(seed)), ("async", AsyncPlan(seed)) })
            {
                progress.Report($"seed {seed}: {kind}, {plan.Rounds} rounds on four node processes");
                // A node that could not start (its port taken by another process between choosing and binding it) gets one more consortium.
                var folder = Path.Combine(work, $"{kind}-{seed}");
                runs.Add(await RunConsortiumAsync(kind, seed, plan, target, folder, progress, ct)
                    ?? await RunConsortiumAsync(kind, seed, plan, target, folder + "-again", progress, ct)
                    ?? throw new InvalidOperationException($"seed {seed} {kind}: a node did not start twice; see the node.log files under {folder}-again"));
            }
        }

        double? Mean(string kind) => runs.Where(r => r.Kind == kind).Select(r => r.SecondsToTarget).ToList() is var times && times.All(t => t is not null) ? times.Average() : null;
        var result = new AsyncBenchResult(target, Mean("sync"), Mean("async"));
        return new AsyncBenchDetail(result, data.Sites.Sites[^1].Site, slowdown, buffer, rounds, rounds * WindowsPerRound, simulated, runs);
    }

    private TrainingPlan SyncPlan(long seed) => LocalConsortium.WithTerms(DemoPlan.HeartDisease(data.Schema, rounds, seed) with { Contribution = null }, CommitWindowSeconds, 120);

    private TrainingPlan AsyncPlan(long seed) => LocalConsortium.WithTerms(DemoPlan.HeartDisease(data.Schema, rounds * WindowsPerRound, seed) with
    {
        Contribution = null,
        Asynchronous = new AsynchronousSettings(buffer),
    }, CommitWindowSeconds, 120);

    private double SimulatedFinal(TrainingPlan plan)
    {
        var splits = data.Sites.Ingest(plan.Schema).Select(s => TrainTestSplit.Apply(plan.Schema, s.Data)).ToList();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, splits).Select(s => new SimulatedSite(s)).ToList();
        return FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false)).Rounds[^1].Headline!.Value;
    }

    /// <returns>The run's curve; null when a node exited before every node was ready.</returns>
    private async Task<AsyncBenchRun?> RunConsortiumAsync(string kind, long seed, TrainingPlan plan, double target, string folder, IProgress<string> progress, CancellationToken ct)
    {
        var sites = data.Sites.Sites;
        await using var consortium = await LocalConsortium.CreateAsync(folder, sites, sites.Count, Path.Combine(data.Path, "schema.json"), ct: ct);
        var members = consortium.Members;
        File.WriteAllText(members[^1].ConfigFile, (NodeConfig.Load(members[^1].ConfigFile) with { TrainingSlowdown = slowdown }).ToJson());
        consortium.OfferPlan(members[0], plan);
        var ready = members.ToDictionary(m => m.Site, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var nodes = members.Select(m => NodeProcess.Start(m, (_, s) =>
        {
            if (s.Event == "ready") ready[s.Site].TrySetResult();
            if (s.Event == "round") progress.Report($"seed {seed}: {kind}, {s.Site} aggregated round {s.Round}/{plan.Rounds}");
        })).ToList();
        try
        {
            var allReady = Task.WhenAll(ready.Values.Select(r => r.Task));
            if (await Task.WhenAny(allReady, Task.WhenAny(nodes.Select(n => n.Exited))).WaitAsync(ct) != allReady) return null;
            var planId = await consortium.StartPlanAsync(plan, ct);
            var codes = await Task.WhenAll(nodes.Select(n => n.Exited)).WaitAsync(ct);
            if (codes.Any(c => c != 0)) throw new InvalidOperationException($"seed {seed} {kind}: a node exited with {string.Join(", ", codes)}; see the node.log files under {folder}");
            return Curve(kind, seed, plan.Rounds, [.. members.Select(m => m.ReadResult(planId))], target);
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }
    }

    private static AsyncBenchRun Curve(string kind, long seed, int rounds, IReadOnlyList<PlanResult> results, double target)
    {
        var start = results.Min(r => r.Rounds[1].Timing!.StartedAt);
        var seconds = new List<double>();
        var accuracy = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            seconds.Add((results.Min(r => r.Rounds[round].Timing!.AggregatedAt) - start) / 1000.0);
            accuracy.Add(results.Average(r => r.Rounds[round].Metrics!.Headline));
        }

        var reached = accuracy.FindIndex(a => a >= target);
        var hashes = results.Select(r => r.FinalModelHash).Distinct().ToList();
        if (hashes.Count != 1) throw new InvalidOperationException($"seed {seed} {kind}: the nodes ended with different models ({string.Join(", ", hashes)})");
        return new AsyncBenchRun(kind, seed, rounds, seconds, accuracy, reached < 0 ? null : seconds[reached], hashes[0]);
    }
}
