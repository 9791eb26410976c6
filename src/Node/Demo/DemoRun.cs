using FedChain.Contracts.Events;
using FedChain.Learning.Plans;
using FedChain.Node.Audit;
using FedChain.Node.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Demo;

/// <summary>
/// `fedchain demo`: a chain with real blocks, a dataset's institutions (all but the last founding the
/// consortium, the last admitted by vote; heart disease's four hospitals by default), the dataset's plan
/// (<see cref="DemoPlan.For"/>) each institution approves locally and governance starts, one node
/// process per institution training it, a release vote on the members' pinned evaluations, an audit, and a report.
/// Governance runs in real time through the same code as `fedchain gov` (1 s delay, short period).
/// Each step says what it does; any failure ends the run with a non-zero exit.
/// </summary>
public sealed partial class DemoRun(DemoOptions options, IAnsiConsole console)
{
    public async Task<DemoReport> RunAsync(CancellationToken ct)
    {
        options.Validate();
        var started = TimeProvider.System.GetTimestamp();
        Directory.CreateDirectory(options.Out);
        var data = ConsortiumDataset.Find(options.Dataset, options.DataFolder);
        var sites = data.Sites;
        var founders = Math.Max(1, sites.Count - 1);
        var progress = new ConsoleLines();

        Step($"1/7 chain: anvil (a block each second), contracts, {founders} founding institution(s) of {data.Name}");
        var folder = Path.Combine(options.Out, "consortium");
        await using var consortium = await LocalConsortium.CreateAsync(folder, sites, founders,
            data.WriteSchema(folder), progress, ct, options.VotingPeriodSeconds);
        var members = consortium.Members;

        Step($"2/7 governance: the founders vote to admit {members[^1].Site} (real time: {LocalConsortium.VotingDelaySeconds} s delay, {options.VotingPeriodSeconds} s vote)");
        await consortium.AdmitAsync(members[^1], ct);

        var plan = Plan(data);
        consortium.OfferPlan(members[0], plan);
        await File.WriteAllBytesAsync(Path.Combine(options.Out, "plan.json"), plan.CanonicalBytes(), ct);

        Step($"3/7 network: {members.Count} `fedchain node` processes, each with only its own institution's data and key");
        var board = new LiveBoard(members, plan.Rounds, DemoReport.HeadlineName(plan.Schema.Task.Kind));
        var nodes = members.Select(m => NodeProcess.Start(m, (_, s) => board.Update(s))).ToList();
        try
        {
            await WaitAllAsync(nodes, board, s => s.Event == "ready", "ready", ct);

            Step($"4/7 governance: each hospital approves plan {plan.Hash[..12]} locally, then the members vote to start it ({plan.Rounds} rounds of {plan.Server.Rule} on {plan.Model.Kind}; {PlanDescription.Protection(plan, data.Sites.Count)})");
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
            var simulated = plan.Privacy is null ? data.SimulatedModelHash(plan) : "";
            follower = await LedgerState.ReplayAsync(new ChainEventReader(consortium.Deployer, consortium.Addresses), consortium.Addresses.DeploymentBlock, ct);
            var privacy = plan.Privacy is null ? null : DemoPrivacy.FromChain(plan, follower, planId, members);
            var transactions = await ChainTransactions.ReadAsync(consortium.Deployer, consortium.Addresses, consortium.Addresses.DeploymentBlock, ct);
            var report = DemoReport.Build(plan, planId, results, audit, transactions, simulated, Convert.ToHexStringLower(finalHash), privacy)
                with
                {
                    Scores = DemoScores.Build(follower, planId, results, members),
                    Protection = PlanDescription.Protection(plan, data.Sites.Count),
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

    private TrainingPlan Plan(ConsortiumDataset data)
    {
        var plan = DemoPlan.For(data, options.Rounds, options.Seed);
        if (options.DpEpsilon is { } epsilon) plan = DemoPlan.WithPrivacy(plan, epsilon, options.DpDelta ?? 1e-5, DemoPlan.TrainRows(plan, data));
        if (options.SecureAggregation) plan = DemoPlan.WithSecureAggregation(plan, data.Sites.Count);
        return LocalConsortium.WithTerms(plan, options.CommitWindowSeconds, 300);
    }

    private void Step(string text) => console.MarkupLineInterpolated($"[bold blue]{text}[/]");
}
