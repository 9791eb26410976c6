using System.CommandLine;
using System.Globalization;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Json;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Datasets;
using FedChain.Node.Reports;
using Spectre.Console;

namespace FedChain.Node.Cli;

/// <summary>
/// `fedchain simulate`: a federated plan with every site in one process, through the same client
/// step and quantise / modular-sum / server-rule path as the network. Writes plan.json,
/// simulation.json (per-round metrics, final parameters and hash), validation.json and rounds.png;
/// with contribution scoring (and misbehaving sites), contributions.json and contributions.png.
/// </summary>
internal static partial class SimulateCommand
{
    public static Command Build()
    {
        var o = new SimulateOptions();
        var command = new Command("simulate", "Run a federated training plan on one machine, all sites in one process; defaults follow FLamby's protocol for the dataset and strategy.");
        foreach (var option in o.All) command.Options.Add(option);
        command.SetAction(parse => InputErrors.Guard(() => Run(o.Read(parse))));
        return command;
    }

    private static int Run(SimulateArguments args)
    {
        if (args.Dataset is { } name && Applications.Contains(name)) return RunApplication(args);
        var planFile = args.PlanFile is { } file ? TrainingPlan.Parse(File.ReadAllText(file), file) : null;
        // Any plan runs on any dataset folder; only building a plan from the options needs FLamby's protocol.
        var folder = DatasetFolder.Find(args.Dataset ?? planFile?.Schema.Name ?? throw new ArgumentException("give --dataset, or --plan (its schema names the dataset)"), args.DataPath);
        if (planFile is not null && args.Privacy is not null) throw new ArgumentException("--dp-* options cannot change a --plan file: put them in its privacy section");
        var schema = planFile?.Schema ?? folder.Schema;
        var sites = SiteLoading.IngestAndReport(folder with { Schema = schema }, out var reports);
        if (sites is null) return 1;

        var trainTest = sites.Select(s => TrainTestSplit.Apply(schema, s)).ToArray();
        var plan = planFile ?? PlanFrom(args, folder, trainTest);
        var splits = FederatedPreprocessing.Normalise(plan.Normalisation, trainTest);
        plan = args.Pipeline.ApplyTo(WithContribution(plan, args, splits.Count + args.Misbehaving.Total), fromFile: planFile is not null);
        var clock = new LocalTrainingClock();
        var members = clock.Wrap(MisbehavingSites.Add(splits, args.Misbehaving, plan.Seed));
        var recorder = plan.Contribution is null ? null : new ContributionRecorder(plan, members);
        AnsiConsole.MarkupLine(Markup.Escape($"plan {plan.Hash}: {plan.Server.Rule}, {plan.Rounds} rounds, {plan.Model.Kind}, {plan.Normalisation} normalisation, {(args.Float ? "float" : "fixed-point")} aggregation"));

        SimulationResult? result = null;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("round 0", maxValue: plan.Rounds);
                var progress = new SynchronousProgress<SimulatedRound>(r =>
                {
                    task.Value = r.Round;
                    var trained = r.Privacy is { } spent
                        ? string.Create(CultureInfo.InvariantCulture, $"largest epsilon spent {spent.Values.Max(p => p.EpsilonSpent):F3}")
                        : string.Create(CultureInfo.InvariantCulture, $"loss {r.MeanTrainLoss:F4}");
                    task.Description = string.Create(CultureInfo.InvariantCulture, $"round {r.Round}/{plan.Rounds}: {trained}, headline {r.Headline:F3}");
                }, ctx.Refresh);
                result = FederatedSimulation.Run(plan, members, new SimulationOptions(Quantised: !args.Float, Slow: args.Pipeline.Slow), progress, recorder);
            });

        Write(args.Output, plan, result!, reports);
        PrintFinal(result!);
        if (plan.Privacy is not null) PrintPrivacy(result!);
        if (recorder is not null) WriteContributions(args.Output, plan, members, recorder, clock);
        return 0;
    }

    private static void Write(DirectoryInfo output, TrainingPlan plan, SimulationResult result, IReadOnlyList<ValidationReport> reports)
    {
        output.Create();
        File.WriteAllBytes(Path.Combine(output.FullName, "plan.json"), plan.CanonicalBytes());
        File.WriteAllText(Path.Combine(output.FullName, "simulation.json"), CanonicalJson.ToIndentedString(result));
        File.WriteAllText(Path.Combine(output.FullName, "validation.json"), CanonicalJson.ToIndentedString(reports));
        RoundsPlot.Save(result, plan.Schema.Task.Kind switch { Learning.Data.Schema.TaskKind.Survival => "C-index", Learning.Data.Schema.TaskKind.Count => "logS", _ => "accuracy" }, Path.Combine(output.FullName, "rounds.png"));
        if (plan.Privacy is not null) EpsilonPlot.Save(result, Path.Combine(output.FullName, "epsilon.png"));
        AnsiConsole.MarkupLine(Markup.Escape($"wrote plan.json, simulation.json, validation.json, rounds.png{(plan.Privacy is null ? "" : ", epsilon.png")} to {output.FullName}"));
    }

    private static void PrintFinal(SimulationResult result)
    {
        var last = result.Rounds[^1];
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("site", "rows", "accuracy", "AUC", "F1", "Brier", "C-index", "MAE", "RMSE", "logS");
        string F(double? v) => v is { } x ? x.ToString("F3", inv) : "";
        foreach (var (site, m) in last.PerSite!.Append(new("pooled test", last.Pooled!)))
        {
            table.AddRow(site, m.Rows.ToString(inv), F(m.Accuracy), F(m.RocAuc), F(m.F1), F(m.Brier), F(m.CIndex), F(m.Mae), F(m.Rmse), F(m.LogScore));
        }

        AnsiConsole.Write(table);
        if (last.PersonalPerSite is { } personal)
        {
            var side = new Table().AddColumns("site", "global headline", "personal headline");
            foreach (var (site, m) in personal) side.AddRow(site, last.PerSite![site].Headline.ToString("F3", inv), m.Headline.ToString("F3", inv));
            AnsiConsole.Write(side);
        }

        AnsiConsole.MarkupLine(Markup.Escape(string.Create(inv, $"headline {last.Headline:F4}{(last.PersonalHeadline is { } p ? $", personal {p:F4}" : "")}; final model {result.FinalModelHash}")));
    }

    private static void PrintPrivacy(SimulationResult result)
    {
        var inv = CultureInfo.InvariantCulture;
        var table = new Table().AddColumns("member", "q", "noise multiplier", "steps per round", "epsilon spent", "budget", "delta");
        foreach (var (member, p) in result.Rounds[^1].Privacy!)
        {
            table.AddRow(member, p.SampleRate.ToString("G4", inv), p.NoiseMultiplier.ToString("G4", inv), p.Steps.ToString(inv),
                p.EpsilonSpent.ToString("F4", inv), p.EpsilonBudget.ToString("G4", inv), p.Delta.ToString("G3", inv));
        }

        AnsiConsole.Write(table);
    }
}
