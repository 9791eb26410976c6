namespace FedChain.Learning.Simulation;

/// <summary>How a simulated site behaves (honest, or one of the misbehaving kinds contribution scores must catch).</summary>
public enum SiteBehaviour
{
    /// <summary>Trains on its own rows as the plan says.</summary>
    Honest,

    /// <summary>Commits a sample count but sends an all-zero update.</summary>
    FreeRider,

    /// <summary>Sends a random Gaussian direction scaled to the norm of the honest update it would have sent.</summary>
    NoiseSender,

    /// <summary>Trains honestly on its rows with the outcome flipped (label 1 - y; for survival, event 1 - e).</summary>
    LabelFlipper,

    /// <summary>Trains honestly, then sends its update scaled by a factor (x10 in the robustness bench): a boosted update.</summary>
    Scaler,

    /// <summary>Trains honestly, then sends its update with the sign flipped.</summary>
    SignFlipper,
}
