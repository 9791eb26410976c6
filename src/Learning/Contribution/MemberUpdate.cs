namespace FedChain.Learning.Contribution;

/// <summary>One participant's committed update as the network sees it: the fixed-point vector (not masked) and its sample count.</summary>
public sealed record MemberUpdate(uint[] Quantised, long SampleCount);
