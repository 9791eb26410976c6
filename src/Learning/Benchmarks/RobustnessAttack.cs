using FedChain.Learning.Simulation;

namespace FedChain.Learning.Benchmarks;

/// <summary>What the fifth member of the robustness benchmark sends in place of its honest update.</summary>
public enum RobustnessAttack
{
    /// <summary>Its honest update times 10.</summary>
    ScaledX10,

    /// <summary>Its honest update with the sign flipped.</summary>
    SignFlipped,

    /// <summary>A Gaussian direction scaled to its honest update's norm (<see cref="MisbehavingSites.NoiseSender"/>).</summary>
    SameNormNoise,
}
