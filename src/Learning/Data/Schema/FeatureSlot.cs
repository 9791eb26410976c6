namespace FedChain.Learning.Data.Schema;

/// <summary>Where one source feature column lands in the model's input vector.</summary>
/// <param name="Column">The source column.</param>
/// <param name="Offset">Its first position in the input vector.</param>
/// <param name="Width">How many positions it takes (one-hot width, or 1).</param>
public sealed record FeatureSlot(ColumnSpec Column, int Offset, int Width);
