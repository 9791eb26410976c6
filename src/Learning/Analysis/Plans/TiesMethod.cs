namespace FedChain.Learning.Analysis.Plans;

/// <summary>How the Cox partial likelihood treats tied event times (Therneau and Grambsch 2000, section 3.3).</summary>
public enum TiesMethod
{
    /// <summary>Efron's approximation, R coxph's default.</summary>
    Efron,
    /// <summary>Breslow's approximation.</summary>
    Breslow,
}
