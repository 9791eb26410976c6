namespace FedChain.Learning.Plans;

/// <summary>
/// DP-SGD and accountant parameters. Issue 7 (Privacy/) defines the fields; until then a plan
/// leaves this section out (null), which keeps existing plan hashes unchanged.
/// </summary>
public sealed record PrivacySettings;
