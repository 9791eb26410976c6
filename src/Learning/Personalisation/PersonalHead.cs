namespace FedChain.Learning.Personalisation;

/// <summary>Which parameters FedPer keeps per site.</summary>
public enum PersonalHead
{
    /// <summary>The output's bias alone: a per-site intercept (sites differ most in how common the outcome is).</summary>
    Bias,

    /// <summary>The whole output layer, weights and bias (an MLP's last Linear).</summary>
    OutputLayer,
}
