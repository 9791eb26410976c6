namespace FedChain.Learning.Data.Schema;

/// <summary>What ingestion does with a missing cell.</summary>
public enum MissingPolicy
{
    /// <summary>Drop the row (FLamby's heart preprocessing drops every row with a missing kept cell).</summary>
    DropRow,
    /// <summary>Replace the cell with the column's consortium-agreed <c>impute</c> value and keep the row.</summary>
    Impute,
}
