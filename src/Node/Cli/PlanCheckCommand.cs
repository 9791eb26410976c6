using System.CommandLine;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Training;
using FedChain.Node.Plans;

namespace FedChain.Node.Cli;

/// <summary>`fedchain plan check FILE [--data CSV]`: validates a plan (and a site's data against it) and prints what it will cost.</summary>
internal static class PlanCheckCommand
{
    public static Command Build()
    {
        var plan = new Argument<FileInfo>("FILE") { Description = "The plan document." };
        var data = new Option<FileInfo?>("--data") { Description = "A site's CSV file: checked against the plan's schema; one local round is timed." };
        var site = new Option<string?>("--site") { Description = "The site's name (with --data; default: the file name)." };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "With --data: the site's mapping file for its export layout." };
        var members = new Option<int?>("--members") { Description = "Members taking part (default: the plan's declared members, else 4)." };
        var command = new Command("check", "Validate a plan against its schema (and a site's data), and print its cost: epsilon per member, bytes per round and plan, gas, time.") { plan, data, site, mapping, members };
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var file = parse.GetValue(plan)!;
            var document = PlanDocuments.Load(file.FullName, null, null);
            var output = parse.InvocationConfiguration.Output;
            output.WriteLine($"plan {document.Hash}: valid ({(File.ReadAllBytes(file.FullName).AsSpan().SequenceEqual(document.CanonicalBytes()) ? "canonical form" : "NOT in canonical form: its file hash differs from the plan hash; rewrite it with `fedchain plan init`")})");
            double? seconds = null;
            if (parse.GetValue(data) is { } csv)
            {
                var name = parse.GetValue(site) ?? Path.GetFileNameWithoutExtension(csv.Name);
                var ingested = CsvIngestion.Load(document.Schema, new SiteSource(name, csv.FullName, Mapping: parse.GetValue(mapping)?.FullName));
                output.WriteLine(ingested.Report.ToString());
                if (ingested.Report.Rejected) return InputErrors.ExitCode;
                var split = TrainTestSplit.Apply(document.Schema, ingested.Data);
                if (document.Privacy is { } privacy && privacy.DeclaredCounts.FirstOrDefault(d => d.Member == name) is { } declared && declared.Records != split.Train.Count)
                    output.WriteLine($"  note: the plan declares {declared.Records} records for {name}; this file has {split.Train.Count} train rows");
                seconds = TimeOneRound(document, split);
                output.WriteLine($"  {name}: {split.Train.Count} train and {split.Test.Count} test rows; one local round took {seconds * 1000:F0} ms here");
            }

            var count = parse.GetValue(members) ?? (document.Privacy?.DeclaredCounts.Count is > 0 and var n ? n : 4);
            output.WriteLine(PlanCost.Of(document, count, seconds).Describe());
            return 0;
        }));
        return command;
    }

    /// <summary>One local round on this site's rows (per-site scaling stands in for the consortium's), in seconds.</summary>
    private static double TimeOneRound(Learning.Plans.TrainingPlan plan, SiteSplit split)
    {
        var scaled = FederatedPreprocessing.NormaliseSite(plan.Normalisation == Normalisation.None ? Normalisation.None : Normalisation.PerSite, split, null);
        var global = plan.InitialParameters();
        ClientStep.Run(plan with { Privacy = null }, global, null, scaled.Train, 1, ClientState.Initial); // warm-up: JIT and libtorch set-up
        var start = TimeProvider.System.GetTimestamp();
        ClientStep.Run(plan with { Privacy = null }, global, null, scaled.Train, 1, ClientState.Initial);
        return TimeProvider.System.GetElapsedTime(start).TotalSeconds;
    }
}
