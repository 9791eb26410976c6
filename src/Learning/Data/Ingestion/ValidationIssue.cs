namespace FedChain.Learning.Data.Ingestion;

/// <summary>One problem at one place: file, 1-based line, column. Never the cell's value.</summary>
public sealed record ValidationIssue(string File, int Line, string? Column, IssueKind Kind);
