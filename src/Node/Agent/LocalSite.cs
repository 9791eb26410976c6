using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;

namespace FedChain.Node.Agent;

/// <summary>
/// This institution's rows under a plan: ingested through the plan's schema, split the way
/// <c>fedchain simulate</c> splits, and scaled once the consortium's moments are known.
/// </summary>
public sealed class LocalSite
{
    private LocalSite(string name, SiteSplit raw, ValidationReport report)
    {
        Name = name;
        Raw = raw;
        Report = report;
    }

    public string Name { get; }

    public SiteSplit Raw { get; }

    public ValidationReport Report { get; }

    /// <summary>The scaled split; null until <see cref="Normalise"/>.</summary>
    public SiteSplit? Scaled { get; private set; }

    /// <summary>Loads the site's file through its mapping (null: the default layout); throws naming the file when the schema rejects it.</summary>
    public static LocalSite Load(TrainingPlan plan, string site, string csv, string? mapping)
    {
        var ingested = CsvIngestion.Load(plan.Schema, new SiteSource(site, csv, Mapping: mapping));
        if (ingested.Report.Rejected) throw new InvalidDataException($"{csv} is rejected by the plan's schema: {ingested.Report}");
        return new LocalSite(site, TrainTestSplit.Apply(plan.Schema, ingested.Data), ingested.Report);
    }

    /// <summary>What this site shares in round 0: count, sums and sums of squares of its training rows.</summary>
    public double[] Moments() => FeatureMoments.Of(Raw.Train).ToVector();

    /// <summary>Scales the split as the plan says; <paramref name="pooled"/> is the consortium's round-0 sum.</summary>
    public void Normalise(Normalisation normalisation, FeatureMoments? pooled) =>
        Scaled = FederatedPreprocessing.NormaliseSite(normalisation, Raw, pooled);
}
