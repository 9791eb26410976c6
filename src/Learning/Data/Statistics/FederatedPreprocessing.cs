using FedChain.Learning.Data.Splits;

namespace FedChain.Learning.Data.Statistics;

/// <summary>Scales every site's train and test rows as a <see cref="Normalisation"/> says.</summary>
public static class FederatedPreprocessing
{
    public static IReadOnlyList<SiteSplit> Normalise(Normalisation normalisation, IReadOnlyList<SiteSplit> sites)
    {
        switch (normalisation)
        {
            case Normalisation.Federated:
                // Each site shares only its moments; their sum gives the pooled mean and std. Summed in
                // site-name order, the order network nodes use (src/Node/Rounds/AggregateTrack), so both
                // reach the same standardiser bits.
                var global = FeatureMoments.Combine([.. sites.OrderBy(s => s.Train.Site, StringComparer.Ordinal).Select(s => FeatureMoments.Of(s.Train))]).ToStandardiser();
                return [.. sites.Select(s => new SiteSplit(global.Apply(s.Train), global.Apply(s.Test)))];
            case Normalisation.PerSite:
                return [.. sites.Select(s =>
                {
                    var own = FeatureMoments.Of(s.Train).ToStandardiser();
                    return new SiteSplit(own.Apply(s.Train), own.Apply(s.Test));
                })];
            default:
                return sites;
        }
    }
}
