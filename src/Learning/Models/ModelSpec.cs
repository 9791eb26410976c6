namespace FedChain.Learning.Models;

/// <summary>Which model a plan trains.</summary>
/// <param name="Kind">The family.</param>
/// <param name="Hidden">MLP only: the width of each hidden layer.</param>
public sealed record ModelSpec(ModelKind Kind, IReadOnlyList<int>? Hidden = null);
