namespace FedChain.Learning.Contribution;

/// <summary>A round participant: its identity and the sample count it committed with its update.</summary>
public sealed record RosterMember(string Member, long SampleCount);
