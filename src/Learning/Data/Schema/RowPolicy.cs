namespace FedChain.Learning.Data.Schema;

/// <summary>What ingestion does with bad rows, and when a whole site's file is rejected.</summary>
/// <param name="Missing">Default policy for a missing feature cell; a column may override it. A missing
/// outcome always drops the row.</param>
/// <param name="MaxDroppedFraction">A site whose dropped share of rows exceeds this is rejected outright
/// (its report says so and it contributes no rows).</param>
public sealed record RowPolicy(MissingPolicy Missing = MissingPolicy.DropRow, double MaxDroppedFraction = 0.5);
