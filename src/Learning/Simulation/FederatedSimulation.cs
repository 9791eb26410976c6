using FedChain.Learning.Aggregation;
using FedChain.Learning.Asynchronous;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Metrics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Contribution;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>
/// Runs a federated plan with every site in one process through the plan's <see cref="RoundPipeline"/>,
/// the stages a node runs (training, quantisation, the sum, the server rule), so its final model hash
/// is the one a network run of the same plan must reach.
/// </summary>
public static class FederatedSimulation
{
    public static SimulationResult Run(TrainingPlan plan, IReadOnlyList<SimulatedSite> sites, SimulationOptions? options = null, IProgress<SimulatedRound>? progress = null, IRoundObserver? observer = null)
    {
        options ??= new SimulationOptions();
        plan.Validate();
        if (sites.Count == 0) throw new ArgumentException("a simulation needs at least one site", nameof(sites));
        if (sites.Count > plan.Quantisation.MaxMembers) throw new ArgumentException($"{sites.Count} sites exceed the plan's quantisation maxMembers {plan.Quantisation.MaxMembers}", nameof(sites));

        var pipeline = RoundPipeline.For(plan);
        if (pipeline.Buffering is not null && !options.Quantised) throw new ArgumentException("an asynchronous plan weighs updates by staleness in fixed point: it has no float path");
        var names = sites.Select(s => s.Name).ToList();
        var index = names.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i);
        var schedule = Schedule(plan, pipeline, names, options);
        var model = plan.Architecture();
        var global = plan.InitialParameters();
        var server = new ServerState();
        // Every model the rounds reached (0: the initial one): an asynchronous update trains from an older one.
        var versions = new List<(float[] Global, ServerState Server)> { (global, server) };
        var states = sites.Select(_ => ClientState.Initial).ToArray();
        var rounds = new List<SimulatedRound>();
        for (var round = 1; round <= plan.Rounds; round++)
        {
            // Local training (plain or DP-SGD) of the round's arrivals (synchronous: every site, from the round before):
            // each site's client, honest ones through the pipeline's training stage, from where the personal stage says
            // (FedPer: the site's own head), which then keeps what is personal.
            var arrivals = schedule.Windows[round - 1];
            var arrived = arrivals.Select(a => sites[index[a.Site]]).ToList();
            var updates = new ClientUpdate[arrivals.Count];
            for (var j = 0; j < arrivals.Count; j++)
            {
                var (s, trainedFor) = (index[arrivals[j].Site], arrivals[j].TrainedRound);
                var (from, fromServer) = versions[trainedFor - 1];
                var start = pipeline.TrainingStart(from, states[s]);
                var trained = sites[s].ClientOrHonest(plan, start, fromServer.Control, sites[s].Data.Train, trainedFor, states[s]);
                updates[j] = pipeline.AfterTraining(from, start, trained, sites[s].Data.Train, trainedFor);
                states[s] = updates[j].State;
            }

            var clipped = 0;
            var (before, stateBefore) = (global, server);
            RoundInputs? inputs = null;
            uint[][]? words = null;
            if (options.Quantised)
            {
                // Quantisation and compression, then the sum of the expanded commits (each weighed by its staleness in an
                // asynchronous plan): under secure aggregation the masks cancel in it (random-k's expansion of the words'
                // sum is the sum of their expansions), so the sum is the same bits the nodes unmask, and the server stages
                // see no individual update.
                var committed = new MemberUpdate[arrivals.Count];
                words = new uint[arrivals.Count][];
                for (var j = 0; j < arrivals.Count; j++)
                {
                    var (s, trainedFor) = (index[arrivals[j].Site], arrivals[j].TrainedRound);
                    var encoded = pipeline.Encode(updates[j], trainedFor, sites[s].Name);
                    words[j] = encoded.Words;
                    committed[j] = pipeline.Arrived(pipeline.Expand(encoded.Words, encoded.SampleCount, trainedFor), trainedFor, round);
                    states[s] = encoded.State;
                    clipped += encoded.Clipped;
                }

                inputs = pipeline.Inputs(round, global, server, RoundSum.Of(committed, plan.UpdateLength), committed, sites.Count);
                (global, server) = pipeline.Aggregate(inputs);
            }
            else
            {
                (global, server) = RoundAggregation.ApplyFloatSum(plan, global, server, updates, sites.Count);
            }

            versions.Add((global, server));
            observer?.Observe(new RoundUpdates(round, before, stateBefore, [.. arrived.Select(s => s.Name)], updates, inputs, global, sites.Count, words));
            var evaluate = options.EvaluateEveryRound || round == plan.Rounds;
            var record = Record(round, model, plan.Schema.Task.Kind, global, sites, arrived, updates, clipped, evaluate);
            if (evaluate && pipeline.Personal is not null) record = WithPersonal(record, pipeline, round, global, sites, states);
            rounds.Add(record);
            progress?.Report(record);
        }

        return new SimulationResult(plan.Hash, options.Quantised, names, rounds, global, ModelHash.Of(global), pipeline.Buffering is null ? null : schedule);
    }

    /// <summary>Which site lands in which round: every site in every round, or an asynchronous plan's replayed or simulated windows.</summary>
    private static ArrivalSchedule Schedule(TrainingPlan plan, RoundPipeline pipeline, IReadOnlyList<string> names, SimulationOptions options)
    {
        if (pipeline.Buffering is not { } buffering)
        {
            if (options.Slow is not null || options.Arrivals is not null) throw new ArgumentException("a slow site or an arrival schedule needs an asynchronous plan (its asynchronous section)");
            return ArrivalSchedule.Synchronous(names, plan.Rounds);
        }

        if (options.Arrivals is { } replay) return replay.Validate(names, plan.Rounds, buffering.Settings.MaxStaleness);
        var times = SimulatedArrivals.TrainingTimes(names, options.Slow?.Validate().Site, options.Slow?.Factor ?? 1);
        return SimulatedArrivals.Schedule(names, times, plan.Rounds, buffering.Settings);
    }

    /// <summary>Each site's personal model on its own test rows, beside the global model's (null where a site has none yet).</summary>
    private static SimulatedRound WithPersonal(SimulatedRound record, RoundPipeline pipeline, int round, float[] global, IReadOnlyList<SimulatedSite> sites, ClientState[] states)
    {
        var personal = new Dictionary<string, MetricSet>();
        for (var s = 0; s < sites.Count; s++)
        {
            if (pipeline.PersonalModel(global, states[s], sites[s].Data.Train, round) is { } parameters) personal[sites[s].Name] = Evaluation.Evaluate(pipeline.Plan, parameters, sites[s].Data.Test);
        }

        return personal.Count == 0 ? record : record with { PersonalPerSite = personal, PersonalHeadline = personal.Values.Average(m => m.Headline) };
    }

    private static SimulatedRound Record(int round, ModelArchitecture model, TaskKind task, float[] global, IReadOnlyList<SimulatedSite> sites, IReadOnlyList<SimulatedSite> arrived, ClientUpdate[] updates, int clipped, bool evaluate)
    {
        // DP clients report no loss (NaN): then the round has none either.
        var reported = updates.Where(u => !double.IsNaN(u.MeanLoss)).ToArray();
        var loss = reported.Length == 0 ? double.NaN : reported.Sum(u => u.MeanLoss * u.SampleCount) / updates.Sum(u => (double)u.SampleCount);
        var privacy = updates.Any(u => u.Privacy is not null)
            ? arrived.Select((s, i) => (s.Name, updates[i].Privacy)).Where(x => x.Privacy is not null).ToDictionary(x => x.Name, x => x.Privacy!)
            : null;
        if (!evaluate) return new SimulatedRound(round, loss, clipped, ModelHash.Of(global), null, null, null, privacy);

        var perSite = sites.ToDictionary(s => s.Name, s => Evaluation.Evaluate(model, global, s.Data.Test, task));
        var pooled = Evaluation.Evaluate(model, global, SiteDataset.Concat("pooled", [.. sites.Select(s => s.Data.Test)]), task);
        return new SimulatedRound(round, loss, clipped, ModelHash.Of(global), perSite, pooled, perSite.Values.Average(m => m.Headline), privacy);
    }
}
