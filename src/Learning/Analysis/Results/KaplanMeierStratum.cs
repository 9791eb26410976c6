namespace FedChain.Learning.Analysis.Results;

/// <summary>One Kaplan-Meier curve at its released times: survival with confidence limits, at risk and events per step.</summary>
public sealed record KaplanMeierStratum(string Name, IReadOnlyList<double> Times, IReadOnlyList<double> Survival, IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper, IReadOnlyList<long> NRisk, IReadOnlyList<long> NEvent);
