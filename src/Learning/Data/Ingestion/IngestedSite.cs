namespace FedChain.Learning.Data.Ingestion;

/// <summary>The outcome of loading one site: its training rows, the report on everything else, and its columns for analyses.</summary>
/// <param name="KeptLines">The file line (1-based, header included) of each kept row, in row order: how a prediction finds its row.</param>
public sealed record IngestedSite(SiteDataset Data, ValidationReport Report, SiteTable Table, IReadOnlyList<int>? KeptLines = null);
