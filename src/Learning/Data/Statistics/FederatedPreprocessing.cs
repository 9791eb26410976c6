using FedChain.Learning.Data.Splits;

namespace FedChain.Learning.Data.Statistics;

/// <summary>Scales every site's train and test rows as a <see cref="Normalisation"/> says.</summary>
public static class FederatedPreprocessing
{
    public static IReadOnlyList<SiteSplit> Normalise(Normalisation normalisation, IReadOnlyList<SiteSplit> sites)
    {
        // Each site shares only its moments; their sum gives the pooled mean and std. Summed in
        // site-name order, the order network nodes use (src/Node/Rounds/AggregateTrack), so both
        // reach the same standardiser bits.
        var pooled = normalisation == Normalisation.Federated
            ? FeatureMoments.Combine([.. sites.OrderBy(s => s.Train.Site, StringComparer.Ordinal).Select(s => FeatureMoments.Of(s.Train))])
            : null;
        return [.. sites.Select(s => NormaliseSite(normalisation, s, pooled))];
    }

    /// <summary>Scales one site's split; <paramref name="pooled"/> is the consortium's summed moments (needed for
    /// <see cref="Normalisation.Federated"/> only). A network node calls this with the moments of its round 0.</summary>
    public static SiteSplit NormaliseSite(Normalisation normalisation, SiteSplit site, FeatureMoments? pooled) => normalisation switch
    {
        Normalisation.Federated => Apply(site, (pooled ?? throw new InvalidOperationException("federated normalisation needs the consortium's summed moments")).ToStandardiser()),
        Normalisation.PerSite => Apply(site, FeatureMoments.Of(site.Train).ToStandardiser()),
        _ => site,
    };

    private static SiteSplit Apply(SiteSplit site, Standardiser s) => new(s.Apply(site.Train), s.Apply(site.Test));
}
