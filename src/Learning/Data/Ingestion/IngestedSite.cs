namespace FedChain.Learning.Data.Ingestion;

/// <summary>The outcome of loading one site: its usable rows and the report on everything else.</summary>
public sealed record IngestedSite(SiteDataset Data, ValidationReport Report);
