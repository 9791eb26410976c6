using System.CommandLine;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Json;

namespace FedChain.Node.Cli;

/// <summary>
/// `fedchain data check`: loads one export through its mapping and the schema, and prints the
/// validation report and what the mapping did to each column. Counts and names only, never a
/// row value. Exit 0: the file loads with nothing lost to its layout (rows dropped for bad values
/// are reported, not fatal); 1: the file is rejected or lines were lost to the layout; 2: the
/// schema or mapping itself is wrong (the message names file and field).
/// </summary>
internal static class DataCheckCommand
{
    public const int LayoutProblem = 1;

    public static Command Build()
    {
        var schema = new Option<FileInfo>("--schema") { Description = "The consortium's schema.json", Required = true };
        var data = new Option<FileInfo>("--data") { Description = "The site's export (CSV)", Required = true };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "The site's mapping; default: comma-separated with a header of schema names" };
        var json = new Option<FileInfo?>("--json") { Description = "Also write the report as JSON to this file" };
        var site = new Option<string?>("--site") { Description = "The site's name in the report; default: the file's name" };
        var siteValue = new Option<string?>("--site-value") { Description = "For a file holding several sites: the role-'site' column's value of this site" };
        var command = new Command("check", "Validate one export against the schema through its mapping; print per-column counts of what was converted, recoded, derived or dropped, and why.")
        {
            schema, data, mapping, json, site, siteValue,
        };
        command.SetAction(parse => InputErrors.Guard(() =>
        {
            var file = parse.GetValue(data)!;
            var source = new SiteSource(parse.GetValue(site) ?? Path.GetFileNameWithoutExtension(file.Name), file.FullName, parse.GetValue(siteValue), parse.GetValue(mapping)?.FullName);
            var ingested = CsvIngestion.Load(DatasetSchema.Load(parse.GetValue(schema)!.FullName), source);
            var output = parse.InvocationConfiguration.Output;
            DataCheckReport.Write(ingested.Report, output);
            if (parse.GetValue(json) is { } target)
            {
                File.WriteAllText(target.FullName, CanonicalJson.ToIndentedString(ingested.Report));
                output.WriteLine($"wrote {target.FullName}");
            }

            return ingested.Report.Rejected || ingested.Report.LayoutIssues > 0 ? LayoutProblem : 0;
        }));
        return command;
    }
}
