namespace FedChain.Learning.Data.Ingestion;

/// <summary>Where one site's rows are: a CSV file, the site's mapping, and for a multi-site file the site column's value.</summary>
/// <param name="Site">The site's name (used in reports and derived seeds).</param>
/// <param name="File">Path of the CSV file.</param>
/// <param name="SiteValue">When set, only rows whose role-'site' column equals this value are this site's.</param>
/// <param name="Mapping">Path of the site's mapping file; null: a comma-separated file with a header naming every schema column.</param>
/// <param name="Layout">What the file is: an export read through the mapping (default), or a weekly count table.</param>
public sealed record SiteSource(string Site, string File, string? SiteValue = null, string? Mapping = null, SiteLayout Layout = SiteLayout.Table);
