namespace FedChain.Learning.Data.Schema;

/// <summary>Where each site's train/test assignment comes from.</summary>
public enum SplitKind
{
    /// <summary>A seeded shuffle per site, stratified on the label where both classes allow it.</summary>
    Random,
    /// <summary>A column of the data names each row's fold (FLamby's TCGA-BRCA split).</summary>
    Column,
}
