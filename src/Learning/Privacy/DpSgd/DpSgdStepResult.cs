using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>What one DP-SGD step did.</summary>
/// <param name="BatchSize">How many records the Poisson sample drew (it varies around q * N).</param>
/// <param name="ClippedFraction">The share of sampled records whose gradient was clipped.</param>
/// <param name="Spent">The member's privacy spent, this step included.</param>
public sealed record DpSgdStepResult(int BatchSize, double ClippedFraction, PrivacySpent Spent);
