using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Training;

/// <summary>What a site keeps between rounds.</summary>
/// <param name="Control">SCAFFOLD's client control variate c_i (null before its first round).</param>
/// <param name="PrivacySpent">With DP on: every DP-SGD run so far, as the accountant composes them; replaying it
/// rebuilds the member's budget (after a restart too). Null before the first private round.</param>
public sealed record ClientState(float[]? Control = null, IReadOnlyList<SampledGaussianSteps>? PrivacySpent = null)
{
    public static ClientState Initial { get; } = new();
}
