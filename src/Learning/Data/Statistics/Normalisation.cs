namespace FedChain.Learning.Data.Statistics;

/// <summary>How features are scaled before training.</summary>
public enum Normalisation
{
    /// <summary>Raw features (FLamby's TCGA-BRCA protocol).</summary>
    None,
    /// <summary>One global mean and std from every site's train moments (<see cref="FeatureMoments"/>): what pooled training would use.</summary>
    Federated,
    /// <summary>FLamby's heart protocol: each site scales its train and test rows with its own train mean and std.</summary>
    PerSite,
}
