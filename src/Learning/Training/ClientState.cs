using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Training;

/// <summary>What a site keeps between rounds.</summary>
/// <param name="Control">SCAFFOLD's client control variate c_i (null before its first round).</param>
/// <param name="PrivacySpent">With DP on: every DP-SGD run so far, as the accountant composes them; replaying it
/// rebuilds the member's budget (after a restart too). Null before the first private round.</param>
/// <param name="Residual">With compression and error feedback: what compression dropped so far, in fixed-point units, added to the next update.</param>
/// <param name="Personal">With personalisation: what is the site's own (FedPer's head, Ditto's personal model); it never leaves the site.</param>
public sealed record ClientState(float[]? Control = null, IReadOnlyList<SampledGaussianSteps>? PrivacySpent = null, long[]? Residual = null, float[]? Personal = null)
{
    public static ClientState Initial { get; } = new();
}
