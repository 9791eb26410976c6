namespace FedChain.Learning.Contribution;

/// <summary>The validation metric that is a subset model's utility (higher is better).</summary>
public enum UtilityMetric
{
    /// <summary>1 - Brier score: a proper scoring rule, smooth in the model, so small contributions still register. Binary tasks.</summary>
    Brier,

    /// <summary>Accuracy at threshold 0.5. Binary tasks; coarse on small validation splits.</summary>
    Accuracy,

    /// <summary>ROC AUC. Binary tasks; undefined when a member's validation rows hold one class.</summary>
    RocAuc,

    /// <summary>Harrell's C-index. Survival tasks.</summary>
    CIndex,
}
