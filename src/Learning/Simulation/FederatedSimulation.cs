using FedChain.Learning.Aggregation;
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
        var model = plan.Architecture();
        var global = plan.InitialParameters();
        var server = new ServerState();
        var states = sites.Select(_ => ClientState.Initial).ToArray();
        var rounds = new List<SimulatedRound>();
        for (var round = 1; round <= plan.Rounds; round++)
        {
            // Local training (plain or DP-SGD): each site's client, honest ones through the pipeline's training stage.
            var updates = new ClientUpdate[sites.Count];
            for (var s = 0; s < sites.Count; s++)
            {
                updates[s] = sites[s].ClientOrHonest(plan, global, server.Control, sites[s].Data.Train, round, states[s]);
                states[s] = updates[s].State;
            }

            var clipped = 0;
            var (before, stateBefore) = (global, server);
            RoundInputs? inputs = null;
            if (options.Quantised)
            {
                // Quantisation, then the sum: under secure aggregation the masks cancel in it, so the sum is
                // the same bits the nodes unmask, and the server stages see no individual update.
                var committed = new MemberUpdate[sites.Count];
                for (var s = 0; s < sites.Count; s++)
                {
                    committed[s] = new MemberUpdate(pipeline.Encode(updates[s], round, sites[s].Name, out var c), updates[s].SampleCount);
                    clipped += c;
                }

                inputs = pipeline.Inputs(round, global, server, RoundSum.Of(committed, plan.UpdateLength), committed, sites.Count);
                (global, server) = pipeline.Aggregate(inputs);
            }
            else
            {
                (global, server) = RoundAggregation.ApplyFloatSum(plan, global, server, updates, sites.Count);
            }

            observer?.Observe(new RoundUpdates(round, before, stateBefore, [.. sites.Select(s => s.Name)], updates, inputs, global, sites.Count));
            var evaluate = options.EvaluateEveryRound || round == plan.Rounds;
            var record = Record(round, model, plan.Schema.Task.Kind, global, sites, updates, clipped, evaluate);
            rounds.Add(record);
            progress?.Report(record);
        }

        return new SimulationResult(plan.Hash, options.Quantised, [.. sites.Select(s => s.Name)], rounds, global, ModelHash.Of(global));
    }

    private static SimulatedRound Record(int round, ModelArchitecture model, TaskKind task, float[] global, IReadOnlyList<SimulatedSite> sites, ClientUpdate[] updates, int clipped, bool evaluate)
    {
        // DP clients report no loss (NaN): then the round has none either.
        var reported = updates.Where(u => !double.IsNaN(u.MeanLoss)).ToArray();
        var loss = reported.Length == 0 ? double.NaN : reported.Sum(u => u.MeanLoss * u.SampleCount) / updates.Sum(u => (double)u.SampleCount);
        var privacy = updates.Any(u => u.Privacy is not null)
            ? sites.Select((s, i) => (s.Name, updates[i].Privacy)).Where(x => x.Privacy is not null).ToDictionary(x => x.Name, x => x.Privacy!)
            : null;
        if (!evaluate) return new SimulatedRound(round, loss, clipped, ModelHash.Of(global), null, null, null, privacy);

        var perSite = sites.ToDictionary(s => s.Name, s => Evaluation.Evaluate(model, global, s.Data.Test, task));
        var pooled = Evaluation.Evaluate(model, global, SiteDataset.Concat("pooled", [.. sites.Select(s => s.Data.Test)]), task);
        return new SimulatedRound(round, loss, clipped, ModelHash.Of(global), perSite, pooled, perSite.Values.Average(m => m.Headline), privacy);
    }
}
