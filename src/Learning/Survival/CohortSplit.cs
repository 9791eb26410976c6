using FedChain.Learning.Data;

namespace FedChain.Learning.Survival;

/// <summary>One site's split for one seed: row indices into the site's data.</summary>
public sealed record CohortSplit(CohortSite Site, int[] TrainRows, int[] TestRows)
{
    public SiteDataset Train => Site.Data.Subset(TrainRows);

    public SiteDataset Test => Site.Data.Subset(TestRows);
}
