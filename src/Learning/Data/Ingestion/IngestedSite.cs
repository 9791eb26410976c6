namespace FedChain.Learning.Data.Ingestion;

/// <summary>The outcome of loading one site: its usable rows and the report on everything else.</summary>
/// <param name="KeptLines">The file line (1-based, header included) of each kept row, in row order: how a prediction finds its row.</param>
public sealed record IngestedSite(SiteDataset Data, ValidationReport Report, IReadOnlyList<int> KeptLines);
