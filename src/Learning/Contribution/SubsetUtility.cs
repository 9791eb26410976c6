namespace FedChain.Learning.Contribution;

/// <summary>The utility one member measured for one subset model, in <see cref="ScoreUnits"/> units.</summary>
public readonly record struct SubsetUtility(Coalition Coalition, long Utility);
