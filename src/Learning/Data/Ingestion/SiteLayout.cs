namespace FedChain.Learning.Data.Ingestion;

/// <summary>What a site's data file is, and so how its rows are built.</summary>
public enum SiteLayout
{
    /// <summary>An export of one row per record, read through the site's mapping and the schema (<see cref="CsvIngestion"/>).</summary>
    Table,
    /// <summary>A weekly count table (weeks in rows, districts in columns) with districts.csv and adjacency.csv beside it, as in
    /// data/influenza-bybw: the site is a region, and its forecast rows are built from its own districts' series and the released counts.</summary>
    WeeklyCounts,
}
