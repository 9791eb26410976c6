using System.Globalization;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Survival;
using FedChain.Node.Datasets;
using Spectre.Console;

namespace FedChain.Node.Cli;

internal static partial class SimulateCommand
{
    /// <summary>Datasets whose sites an application builds from its own files (weekly count tables, two cohorts' exports) rather than one CSV layout per schema.</summary>
    private static readonly string[] Applications = ["influenza-bybw", "breast-cancer-rotterdam-gbsg"];

    /// <summary>
    /// An application dataset through the same plan, client step and fixed-point path: influenza
    /// forecasting (regions as sites, fit weeks 9-312, test 313-416) or treatment response (Rotterdam
    /// and GBSG, the schema's stratified 2/3 split). The default plan is the application's
    /// default method; the client, server and quantisation options are laid over it.
    /// </summary>
    private static int RunApplication(SimulateArguments args)
    {
        if (args.Privacy is not null || args.Misbehaving.Total > 0 || args.Contribution is not null)
            throw new ArgumentException($"--dp-*, misbehaving sites and --contribution are not available for '{args.Dataset}' yet");
        var (plan, splits) = args.Dataset == "influenza-bybw" ? Influenza(args) : BreastCancer(args);
        if (args.PlanFile is { } file) plan = TrainingPlan.Parse(File.ReadAllText(file), file);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, splits).Select(s => new SimulatedSite(s)).ToArray();
        AnsiConsole.MarkupLine(Markup.Escape($"plan {plan.Hash}: {plan.Server.Rule}, {plan.Rounds} rounds, {plan.Model.Kind}, {plan.Normalisation} normalisation, {(args.Float ? "float" : "fixed-point")} aggregation, {sites.Length} sites"));

        SimulationResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("round 0", maxValue: plan.Rounds);
                var progress = new SynchronousProgress<SimulatedRound>(r =>
                {
                    task.Value = r.Round;
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"round {r.Round}/{plan.Rounds}: loss {r.MeanTrainLoss:F4}");
                }, ctx.Refresh);
                result = FederatedSimulation.Run(plan, sites, new SimulationOptions(Quantised: !args.Float, EvaluateEveryRound: plan.Rounds <= 100), progress);
            });

        Write(args.Output, plan, result!, []);
        PrintFinal(result!);
        return 0;
    }

    private static (TrainingPlan, IReadOnlyList<SiteSplit>) Influenza(SimulateArguments args)
    {
        var counts = WeeklyCounts.Load(DatasetFolder.Locate(args.Dataset!, args.DataPath));
        var protocol = ForecastProtocol.Influenza();
        var method = args.Model is { } kind
            ? protocol.Methods.FirstOrDefault(m => m.Model.Kind == kind) ?? throw new ArgumentException($"influenza has no {kind} method; known: {string.Join(", ", protocol.Methods.Select(m => m.Model.Kind))}")
            : protocol.Methods.First(m => m.Name == protocol.DefaultMethod);
        var trees = method.Model.Kind == ModelKind.BoostedTrees;
        method = method with
        {
            Client = Overlay(args, method.Client),
            Server = trees ? method.Server : new(args.Strategy, args.ServerLearningRate ?? method.Server.LearningRate),
            Rounds = trees ? method.Rounds : args.Rounds ?? method.Rounds,
            Quantisation = Overlay(args, method.Quantisation),
        };
        // The rows a region's node loads (LocalSite): fit weeks to train, test weeks to score.
        var splits = counts.Regions.Select(r => protocol.RegionRows(counts, r)).Select(r => new SiteSplit(r.Fit.Data, r.Test.Data)).ToArray();
        return (ForecastBenchmark.Plan(protocol, method, args.Seed), splits);
    }

    private static (TrainingPlan, IReadOnlyList<SiteSplit>) BreastCancer(SimulateArguments args)
    {
        var cohorts = BreastCancerSites.Load(DatasetFolder.Locate(args.Dataset!, args.DataPath));
        var protocol = TreatmentProtocol.RotterdamGbsg();
        var family = args.Model == ModelKind.LinearCox ? "federated_cox" : "federated_deepsurv";
        var method = protocol.Families.First(f => f.Name == family);
        method = method with
        {
            Client = Overlay(args, method.Client),
            Server = new(args.Strategy, args.ServerLearningRate ?? method.Server.LearningRate),
            Rounds = args.Rounds ?? method.Rounds,
        };
        var plan = TreatmentBenchmark.Plan(protocol, cohorts.Schema, method, args.Seed);
        plan = plan with { Quantisation = Overlay(args, plan.Quantisation) };
        // The schema's split, as a node applies it: stratified by event, 2/3 to train, seeded per site.
        return (plan, [.. cohorts.Sites.Select(c => TrainTestSplit.Apply(plan.Schema, c.Data))]);
    }
}
