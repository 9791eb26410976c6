using FedChain.Contracts.Events;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Audit;
using FedChain.Node.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Demo;

/// <summary>
/// `fedchain demo`: a chain with real blocks, four heart-disease hospitals (three founders, one
/// admitted by vote), a plan each hospital approves locally and governance starts, four node
/// processes training it, a release vote on the members' pinned evaluations, an audit, and a report.
/// Governance runs in real time through the same code as `fedchain gov` (1 s delay, short period).
/// Each step says what it does; any failure ends the run with a non-zero exit.
/// </summary>
public sealed partial class DemoRun(DemoOptions options, IAnsiConsole console)
{
    private const int Founders = 3;

    public async Task<DemoReport> RunAsync(CancellationToken ct)
    {
        options.Validate();
        var started = TimeProvider.System.GetTimestamp();
        Directory.CreateDirectory(options.Out);
        var data = DatasetFolder.Find("heart-disease", options.DataFolder);
        var sites = data.Sites.Sites;
        var progress = new ConsoleLines();

        Step("1/7 chain: anvil (a block each second), contracts, three founding hospitals");
        await using var consortium = await LocalConsortium.CreateAsync(Path.Combine(options.Out, "consortium"), sites, Founders,
            Path.Combine(data.Path, "schema.json"), progress, ct, options.VotingPeriodSeconds);
        var members = consortium.Members;

        Step($"2/7 governance: the founders vote to admit {members[^1].Site} (real time: {LocalConsortium.VotingDelaySeconds} s delay, {options.VotingPeriodSeconds} s vote)");
        await consortium.AdmitAsync(members[^1], ct);

        var plan = Plan(data);
        consortium.OfferPlan(members[0], plan);
        await File.WriteAllBytesAsync(Path.Combine(options.Out, "plan.json"), plan.CanonicalBytes(), ct);

        Step("3/7 network: four `fedchain node` processes, each with only its own hospital's file and key");
        var board = new LiveBoard(members, plan.Rounds);
        var nodes = members.Select(m => NodeProcess.Start(m, (_, s) => board.Update(s))).ToList();
        try
        {
            await WaitAllAsync(nodes, board, s => s.Event == "ready", "ready", ct);

            Step($"4/7 governance: each hospital approves plan {plan.Hash[..12]} locally, then the members vote to start it ({plan.Rounds} rounds of FedAdam on logistic regression; {PlanDescription.Protection(plan)})");
            var planId = await consortium.StartPlanAsync(plan, ct);

            Step("5/7 training");
            await WatchAsync(nodes, board, plan.Rounds, ct);

            var results = nodes.Select(n => n.Member.ReadResult(planId)).ToList();
            var follower = await FinalisedAsync(consortium, planId, plan.Rounds, ct);
            var finalHash = follower.Plans[planId].Rounds[^1].FinalAggregate!;

            Step("6/7 governance: the members vote to release the final model with the report built from their pinned evaluations");
            var release = await consortium.ReleaseAsync(planId, ct);
            await File.WriteAllBytesAsync(Path.Combine(options.Out, "evaluation.json"), release.Report.CanonicalBytes(), ct);

            Step("7/7 audit: every commitment, aggregate, quorum and the release, from the chain and the exported blobs");
            var audit = await Auditor.RunAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock,
                results[0].BlobExport!, progress, ct);
            AuditSummary.Show(audit);

            // With DP each node draws its noise from its own CSPRNG: no simulation can repeat it.
            var simulated = plan.Privacy is null ? Simulate(plan, data) : "";
            follower = await LedgerState.ReplayAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock, ct);
            var privacy = plan.Privacy is null ? null : DemoPrivacy.FromChain(plan, follower, planId, members);
            var transactions = await ChainTransactions.ReadAsync(consortium.Deployer, consortium.Addresses, consortium.Addresses.DeploymentBlock, ct);
            var report = DemoReport.Build(plan, planId, results, audit, transactions, simulated, Convert.ToHexStringLower(finalHash), privacy)
                with
                {
                    Scores = DemoScores.Build(follower, planId, results, members),
                    Protection = PlanDescription.Protection(plan),
                    EvaluationReportHash = Convert.ToHexStringLower(release.Report.Hash()),
                    WallSeconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds,
                };
            await report.WriteAsync(options.Out, ct);
            return report;
        }
        finally
        {
            foreach (var node in nodes) node.Dispose();
        }
    }

    private TrainingPlan Plan(DatasetFolder data)
    {
        var plan = DemoPlan.HeartDisease(data.Schema, options.Rounds, options.Seed);
        if (options.DpEpsilon is { } epsilon) plan = DemoPlan.WithPrivacy(plan, epsilon, options.DpDelta ?? 1e-5, DemoPlan.TrainRows(plan, data));
        if (options.SecureAggregation) plan = DemoPlan.WithSecureAggregation(plan);
        return LocalConsortium.WithTerms(plan, options.CommitWindowSeconds, 300);
    }

    private void Step(string text) => console.MarkupLineInterpolated($"[bold blue]{text}[/]");

    /// <summary>The one-process simulation of the same plan on the same files: its model must be the nodes' model, bit for bit.</summary>
    private static string Simulate(TrainingPlan plan, DatasetFolder data)
    {
        var splits = data.Sites.Ingest(plan.Schema).Select(s => TrainTestSplit.Apply(plan.Schema, s.Data)).ToList();
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, splits).Select(s => new SimulatedSite(s)).ToList();
        return FederatedSimulation.Run(plan, sites, new SimulationOptions(EvaluateEveryRound: false)).FinalModelHash;
    }
}
