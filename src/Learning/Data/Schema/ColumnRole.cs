namespace FedChain.Learning.Data.Schema;

/// <summary>What a schema column is for.</summary>
public enum ColumnRole
{
    /// <summary>A model input.</summary>
    Feature,
    /// <summary>The binary outcome (binary tasks).</summary>
    Label,
    /// <summary>Follow-up time (survival tasks).</summary>
    Time,
    /// <summary>Event indicator, 1 = observed, 0 = censored (survival tasks).</summary>
    Event,
    /// <summary>Holds the train/test assignment when the split is given by the data.</summary>
    Split,
    /// <summary>Names the site a row belongs to, for files that hold several sites.</summary>
    Site,
    /// <summary>Read and validated for analyses, never a model input: a missing or invalid cell never drops the row.</summary>
    Attribute,
}
