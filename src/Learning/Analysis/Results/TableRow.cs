namespace FedChain.Learning.Analysis.Results;

/// <summary>A table row: its label and one cell per column.</summary>
public sealed record TableRow(string Label, IReadOnlyList<TableCell> Cells);
