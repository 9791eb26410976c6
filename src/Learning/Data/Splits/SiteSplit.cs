namespace FedChain.Learning.Data.Splits;

/// <summary>One site's train and test rows.</summary>
public sealed record SiteSplit(SiteDataset Train, SiteDataset Test);
