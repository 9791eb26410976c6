namespace FedChain.Learning.Data.Ingestion;

/// <summary>The outcome of loading one site: its training rows, the report on everything else, and its columns for analyses.</summary>
public sealed record IngestedSite(SiteDataset Data, ValidationReport Report, SiteTable Table);
