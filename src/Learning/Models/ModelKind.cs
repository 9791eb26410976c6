namespace FedChain.Learning.Models;

/// <summary>The model families a plan can name.</summary>
public enum ModelKind
{
    /// <summary>Linear(d, 1) and a sigmoid, trained with binary cross-entropy (FLamby's heart baseline).</summary>
    LogisticRegression,
    /// <summary>Linear layers with ReLU between them, one logit out, trained with binary cross-entropy.</summary>
    Mlp,
    /// <summary>Linear(d, 1) log-risk score trained with the Cox partial likelihood (FLamby's TCGA-BRCA baseline).</summary>
    LinearCox,
}
