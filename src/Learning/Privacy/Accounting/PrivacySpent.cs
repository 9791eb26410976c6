namespace FedChain.Learning.Privacy.Accounting;

/// <summary>An (epsilon, delta)-DP guarantee and the Rényi order that gave the tightest epsilon.</summary>
public readonly record struct PrivacySpent(double Epsilon, double Delta, double Order);
