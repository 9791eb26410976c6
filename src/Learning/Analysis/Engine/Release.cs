namespace FedChain.Learning.Analysis.Engine;

/// <summary>Who may see a block of statistics as it is summed.</summary>
public enum Release
{
    /// <summary>Each site fills its own slice: every member sees each site's values (a table by site).</summary>
    PerSite,
    /// <summary>Only the sum over sites is needed: under secure aggregation no member sees one site's values.</summary>
    Pooled,
}
