using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Survival;

/// <summary>
/// The two breast-cancer institutions, Rotterdam's tumour bank and the GBSG-2 trial, loaded through
/// the consortium's schema and each site's own mapping (data/breast-cancer-rotterdam-gbsg: the
/// mappings turn Rotterdam's relapse and death records into recurrence-free survival, recode its
/// size classes and bin GBSG's millimetres). The treatment protocol splits 2/3 of each site to train
/// (the shared schema's analyses use 0.8), so its plans carry the schema with that split
/// (<see cref="TreatmentSchema"/>). The schema itself has the model read the right-skewed node count and
/// receptor concentrations as log(1 + x) (their columns' transform), so a node running the plan, the
/// simulation and this loader all feed the model the same numbers.
/// </summary>
public static class BreastCancerSites
{
    public const string Rotterdam = "rotterdam";

    public const string Gbsg = "gbsg";

    /// <summary>Both sites from the data folder (schema.json, sites.json and the mappings), each with its patients' ids in row order.</summary>
    /// <exception cref="InvalidDataException">A site's file is rejected or loses rows (its ids could not be matched), with the report.</exception>
    public static BreastCancerCohorts Load(string folder, double trainFraction = 2.0 / 3)
    {
        var schema = TreatmentSchema(DatasetSchema.Load(Path.Combine(folder, "schema.json")), trainFraction);
        var manifest = SiteManifest.Load(Path.Combine(folder, "sites.json"));
        var sites = manifest.Ingest(schema).Zip(manifest.Sites, (ingested, source) =>
        {
            if (ingested.Report.Rejected || ingested.Report.RowsDropped > 0)
                throw new InvalidDataException($"{source.File}: every row must load for risks.csv to name its patients: {ingested.Report}");
            return new CohortSite(ingested.Data, PatientIds(source.File, ingested.Data.Count));
        }).ToArray();
        return new BreastCancerCohorts(schema, sites);
    }

    /// <summary>The consortium schema with the treatment protocol's split: the schema treatment plans carry and nodes running them are configured with.</summary>
    public static DatasetSchema TreatmentSchema(DatasetSchema schema, double trainFraction = 2.0 / 3) =>
        schema with { Split = schema.Split with { TrainFraction = trainFraction } };

    // The export's own patient id ("pid", the first column of both files), which the schema does not read: risks.csv names rows by it.
    private static string[] PatientIds(string file, int rows)
    {
        var lines = File.ReadLines(file).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',').Select(f => f.Trim().Trim('"')).ToArray();
        var column = Array.IndexOf(header, "pid");
        if (column < 0) throw new InvalidDataException($"{file}:1: no 'pid' column to name the patients by");
        if (lines.Length - 1 != rows) throw new InvalidDataException($"{file}: {lines.Length - 1} lines, {rows} rows loaded");
        return [.. lines.Skip(1).Select(l => l.Split(',')[column].Trim().Trim('"'))];
    }
}
