namespace FedChain.Learning.Models;

/// <summary>The model families a plan can name. The task (schema) picks the loss: binary cross-entropy,
/// the Cox partial likelihood, or a count likelihood (<see cref="CountDistribution"/>).</summary>
public enum ModelKind
{
    /// <summary>Linear(d, 1) and a sigmoid, trained with binary cross-entropy (FLamby's heart baseline).</summary>
    LogisticRegression,
    /// <summary>Linear layers with ReLU between them.</summary>
    Mlp,
    /// <summary>Linear(d, 1) log-risk score trained with the Cox partial likelihood (FLamby's TCGA-BRCA baseline).</summary>
    LinearCox,
    /// <summary>DeepSurv (Katzman et al. 2018): an MLP log-risk trained with the Cox partial likelihood.</summary>
    DeepSurv,
    /// <summary>A gated recurrent unit over the row's time steps (Cho et al. 2014; torch's GRU equations), then a linear head.</summary>
    Gru,
    /// <summary>A long short-term memory over the row's time steps (Hochreiter &amp; Schmidhuber 1997; torch's LSTM equations), then a linear head.</summary>
    Lstm,
    /// <summary>Causal dilated 1-D convolutions over the row's time steps (Bai et al. 2018, "TCN"), then a linear head.</summary>
    TemporalCnn,
    /// <summary>Linear(d, outputs) for counts: a log-linear negative binomial (or Poisson) regression.</summary>
    LogLinear,
    /// <summary>Gradient-boosted trees grown from federated histograms (Chen &amp; Guestrin 2016, XGBoost's histogram method; Cheng et al. 2021, SecureBoost).</summary>
    BoostedTrees,
}
