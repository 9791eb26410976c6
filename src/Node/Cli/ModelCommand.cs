using System.CommandLine;
using FedChain.Learning.Json;
using FedChain.Node.Models;

namespace FedChain.Node.Cli;

/// <summary>`fedchain model fetch` and `fedchain model predict`: the released model as a product.</summary>
internal static class ModelCommand
{
    public static Command Build()
    {
        var command = new Command("model", "Fetch a released model as a checked package (parameters, standardiser, ONNX, metrics) and score new rows with it.");
        command.Subcommands.Add(Fetch());
        command.Subcommands.Add(Predict());
        return command;
    }

    private static Command Fetch()
    {
        var plan = new Option<string>("--plan") { Description = "The plan whose released model to fetch.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "The package folder: model.json, model.onnx, plan.json, schema.json, evaluation.json.", Required = true };
        var blobs = new Option<DirectoryInfo?>("--blobs") { Description = "Exported blobs to read the plan, the evaluations and (without a node) the committed updates from." };
        var caller = new CallerOptions();
        var command = new Command("fetch", "Get the model governance released for a plan, check it against the on-chain release and evaluation report, and write a model package.") { plan, output, blobs };
        caller.AddTo(command);
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            using var session = await caller.OpenAsync(parse, needKey: false, ct);
            var package = await ModelFetch.FetchAsync(session, GovCommand.ParseId(parse.GetValue(plan)!), parse.GetValue(blobs)?.FullName, parse.GetValue(output)!.FullName, new ErrorLines(parse), ct);
            parse.InvocationConfiguration.Output.WriteLine(package.ModelHash);
            return 0;
        }));
        return command;
    }

    private static Command Predict()
    {
        var model = new Option<DirectoryInfo>("--model") { Description = "A model package folder (from `fedchain model fetch`).", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "New rows in the schema's CSV layout (the outcome may be missing).", Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Your site's mapping file for its export layout (as in its node config); default: a CSV with a header naming the schema's columns." };
        var output = new Option<FileInfo>("--out") { Description = "Predictions CSV, one line per data row; the validation report goes beside it (.validation.json).", Required = true };
        var command = new Command("predict", "Score new rows through the schema's ingestion and the released model; write one prediction per row and the validation report.") { model, data, mapping, output };
        command.SetAction(parse => InputErrors.Guard(parse, () =>
        {
            var (package, schema) = ModelPackage.Read(parse.GetValue(model)!.FullName);
            var csv = parse.GetValue(data)!;
            if (!csv.Exists) throw new FileNotFoundException($"data file {csv.FullName} does not exist", csv.FullName);
            var predictions = ModelPredictor.Predict(package, schema, csv.FullName, parse.GetValue(mapping)?.FullName);
            var file = parse.GetValue(output)!.FullName;
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            predictions.WriteCsv(file);
            File.WriteAllText(file + ".validation.json", CanonicalJson.ToIndentedString(predictions.Report));
            var error = parse.InvocationConfiguration.Error;
            error.WriteLine(predictions.Report.ToString());
            error.WriteLine($"wrote {predictions.Rows.Count(r => r.Problem is null)} predictions and {predictions.Rows.Count(r => r.Problem is not null)} unscored rows to {file}");
            return predictions.Report.Rejected ? InputErrors.ExitCode : 0;
        }));
        return command;
    }
}
