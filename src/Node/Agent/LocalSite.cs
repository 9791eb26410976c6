using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Forecasting;
using FedChain.Learning.Plans;

namespace FedChain.Node.Agent;

/// <summary>
/// This institution's rows under a plan, split the way <c>fedchain simulate</c> splits them and scaled
/// once the consortium's moments are known. An export is ingested through the site's mapping and the
/// plan's schema (column transforms included) and split by the schema's rule; a region's weekly count
/// table becomes the influenza protocol's forecast rows, fit weeks to train and test weeks to score.
/// </summary>
public sealed class LocalSite
{
    private LocalSite(string name, SiteSplit raw)
    {
        Name = name;
        Raw = raw;
    }

    public string Name { get; }

    public SiteSplit Raw { get; }

    /// <summary>The scaled split; null until <see cref="Normalise"/>.</summary>
    public SiteSplit? Scaled { get; private set; }

    /// <summary>Loads the site's rows as its source says; throws naming the file when the plan's schema rejects them.</summary>
    public static LocalSite Load(TrainingPlan plan, SiteSource source) => source.Layout switch
    {
        SiteLayout.WeeklyCounts => new LocalSite(source.Site, RegionSplit(plan, source)),
        _ => new LocalSite(source.Site, TableSplit(plan, source)),
    };

    private static SiteSplit TableSplit(TrainingPlan plan, SiteSource source)
    {
        var ingested = CsvIngestion.Load(plan.Schema, source);
        if (ingested.Report.Rejected) throw new InvalidDataException($"{source.File} is rejected by the plan's schema: {ingested.Report}");
        return TrainTestSplit.Apply(plan.Schema, ingested.Data);
    }

    private static SiteSplit RegionSplit(TrainingPlan plan, SiteSource source)
    {
        var protocol = ForecastProtocol.Influenza();
        var names = plan.Schema.FeatureNames;
        if (!names.SequenceEqual(protocol.Features.Names))
            throw new InvalidDataException($"{source.File} is a weekly count table, but the plan's schema '{plan.Schema.Name}' is not the forecast rows' ({protocol.Features.Count} features {protocol.Features.Names[0]}..{protocol.Features.Names[^1]})");
        var (fit, test) = protocol.RegionRows(WeeklyCounts.Load(Path.GetDirectoryName(Path.GetFullPath(source.File))!), source.Site);
        return new SiteSplit(fit.Data, test.Data);
    }

    /// <summary>What this site shares in round 0: count, sums and sums of squares of its training rows.</summary>
    public double[] Moments() => FeatureMoments.Of(Raw.Train).ToVector();

    /// <summary>Scales the split as the plan says; <paramref name="pooled"/> is the consortium's round-0 sum.</summary>
    public void Normalise(Normalisation normalisation, FeatureMoments? pooled) =>
        Scaled = FederatedPreprocessing.NormaliseSite(normalisation, Raw, pooled);
}
