namespace FedChain.Learning.Data.Schema;

/// <summary>The prediction task a schema's outcome columns describe.</summary>
public enum TaskKind
{
    /// <summary>Binary classification from one label column.</summary>
    Binary,
    /// <summary>Right-censored survival from a time and an event column.</summary>
    Survival,
    /// <summary>A count per row (cases in a district and week) from one label column, modelled by a count distribution.</summary>
    Count,
}
