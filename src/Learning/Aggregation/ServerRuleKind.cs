namespace FedChain.Learning.Aggregation;

/// <summary>The server rules a plan can choose.</summary>
public enum ServerRuleKind
{
    /// <summary>McMahan et al. 2017: the sample-weighted mean of the client deltas.</summary>
    FedAvg,
    /// <summary>Li et al. 2020: FedAvg's server; the proximal term lives in the clients' loss.</summary>
    FedProx,
    /// <summary>Karimireddy et al. 2020: FedAvg plus control variates that correct client drift.</summary>
    Scaffold,
    /// <summary>Reddi et al. 2021: Adam on the mean delta as a pseudo-gradient.</summary>
    FedAdam,
    /// <summary>Reddi et al. 2021: Yogi's additive second moment.</summary>
    FedYogi,
    /// <summary>Reddi et al. 2021: Adagrad's accumulated second moment.</summary>
    FedAdagrad,
    /// <summary>Boosted trees: the summed histograms grow the next level (<see cref="Trees.TreeGrowthRule"/>).</summary>
    TreeGrowth,
}
