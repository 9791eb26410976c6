using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Json;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Learning.Survival;
using FedChain.Node.Agent;

namespace FedChain.Node.Datasets;

/// <summary>
/// A dataset a local consortium runs on (`fedchain demo --dataset`, the end-to-end tests): one
/// institution per site, each node configured with its own source only; the schema the dataset's
/// plans carry; and the one-process simulation of a plan over exactly the rows the nodes load
/// (<see cref="LocalSite"/>). Heart disease and TCGA-BRCA list their sites in sites.json; influenza's
/// institutions are the 11 regions of the weekly count table; Rotterdam and GBSG are read through
/// their mappings with the treatment protocol's 2/3 split.
/// </summary>
internal sealed record ConsortiumDataset(string Name, string Path, DatasetSchema Schema, IReadOnlyList<SiteSource> Sites)
{
    public const string Default = "heart-disease";

    public static IReadOnlyList<string> Names { get; } = [Default, "tcga-brca", "influenza-bybw", "breast-cancer-rotterdam-gbsg"];

    /// <summary>The dataset <paramref name="name"/> from <paramref name="explicitPath"/>, or from data/&lt;name&gt; above the working directory or the executable.</summary>
    public static ConsortiumDataset Find(string name, string? explicitPath)
    {
        if (!Names.Contains(name)) throw new ArgumentException($"no consortium dataset '{name}'; known: {string.Join(", ", Names)}", nameof(name));
        var folder = DatasetFolder.Locate(name, explicitPath);
        if (name == "influenza-bybw") return Regions(name, folder);
        var data = DatasetFolder.Find(name, folder);
        var schema = name == "breast-cancer-rotterdam-gbsg" ? BreastCancerSites.TreatmentSchema(data.Schema) : data.Schema;
        return new ConsortiumDataset(name, folder, schema, data.Sites.Sites);
    }

    private static ConsortiumDataset Regions(string name, string folder)
    {
        var counts = WeeklyCounts.Load(folder);
        var schema = DatasetSchema.Load(System.IO.Path.Combine(folder, "schema.json"));
        var table = System.IO.Path.Combine(folder, "counts.csv");
        return new ConsortiumDataset(name, folder, schema, [.. counts.Regions.Select(r => new SiteSource(r, table, Layout: SiteLayout.WeeklyCounts))]);
    }

    /// <summary>Writes <see cref="Schema"/> as <c>schema.json</c> in <paramref name="folder"/>: the file the nodes are configured with.</summary>
    public string WriteSchema(string folder)
    {
        Directory.CreateDirectory(folder);
        var file = System.IO.Path.Combine(folder, "schema.json");
        File.WriteAllText(file, CanonicalJson.ToIndentedString(Schema));
        return file;
    }

    /// <summary>Every site's raw split under <paramref name="plan"/>, loaded as each node loads its own.</summary>
    public IReadOnlyList<SiteSplit> Splits(TrainingPlan plan) => [.. Sites.Select(s => LocalSite.Load(plan, s).Raw)];

    /// <summary>The final model hash `fedchain simulate` reaches with <paramref name="plan"/> on these sites: the nodes must end with it.</summary>
    /// <param name="options">How to simulate (an asynchronous plan: the chain's arrivals to replay); default: evaluating only the last round.</param>
    public string SimulatedModelHash(TrainingPlan plan, SimulationOptions? options = null)
    {
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, Splits(plan)).Select(s => new SimulatedSite(s)).ToList();
        return FederatedSimulation.Run(plan, sites, options ?? new SimulationOptions(EvaluateEveryRound: false)).FinalModelHash;
    }
}
