namespace FedChain.Learning.Forecasting;

/// <summary>One district of a weekly count table: its code (the column name in counts.csv), name, region (the institution that holds it) and population share.</summary>
public sealed record District(string Code, string Name, string Region, double PopulationFraction);
