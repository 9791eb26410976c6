namespace FedChain.Learning.Data.Schema;

/// <summary>How a cell is parsed.</summary>
public enum ColumnType
{
    /// <summary>A number, parsed with the invariant culture, checked against min and max.</summary>
    Numeric,
    /// <summary>One of the schema's category codes; encoded as the schema's encoding says.</summary>
    Categorical,
    /// <summary>Free text (split and site columns); never a feature.</summary>
    Text,
}
