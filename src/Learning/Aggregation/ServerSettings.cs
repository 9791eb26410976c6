using System.Text.Json.Serialization;

namespace FedChain.Learning.Aggregation;

/// <summary>The server rule and its hyper-parameters.</summary>
/// <param name="Rule">Which rule.</param>
/// <param name="LearningRate">Server learning rate (eta_g): 1 makes FedAvg the plain weighted mean.</param>
/// <param name="Beta1">FedOpt momentum.</param>
/// <param name="Beta2">FedOpt second-moment decay (Adam, Yogi).</param>
/// <param name="Tau">FedOpt adaptivity: added to sqrt(v). FLamby uses 1e-8.</param>
public sealed record ServerSettings(
    ServerRuleKind Rule = ServerRuleKind.FedAvg,
    double LearningRate = 1,
    double Beta1 = 0.9,
    double Beta2 = 0.999,
    double Tau = 1e-8)
{
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"server learningRate must be a positive number, got {LearningRate}");
        if (Beta1 is < 0 or >= 1) throw new ArgumentException($"server beta1 must be in [0, 1), got {Beta1}");
        if (Beta2 is < 0 or >= 1) throw new ArgumentException($"server beta2 must be in [0, 1), got {Beta2}");
        if (!(Tau >= 0)) throw new ArgumentException($"server tau must be >= 0, got {Tau}");
    }

    /// <summary>True when client updates carry a SCAFFOLD control-variate delta after the model delta.</summary>
    [JsonIgnore]
    public bool UsesControlVariates => Rule == ServerRuleKind.Scaffold;
}
