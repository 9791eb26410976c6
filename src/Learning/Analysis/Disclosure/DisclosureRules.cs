namespace FedChain.Learning.Analysis.Disclosure;

/// <summary>The names of the disclosure rules, as results and refusals cite them (docs/privacy.md explains each).</summary>
public static class DisclosureRules
{
    /// <summary>A count of 1 to k-1 patients is suppressed (unless the schema marks the column's counts public by law).</summary>
    public const string MinCellCount = "min-cell-count";

    /// <summary>A second cell suppressed so that the first cannot be recovered from a released total.</summary>
    public const string Complementary = "complementary-suppression";

    /// <summary>A mean, SD or quantile computed from fewer than k rows is suppressed or refused.</summary>
    public const string MinRows = "min-rows";

    /// <summary>A model with more parameters than the plan's share of its rows (or events), or fewer than k residual degrees of freedom, is refused.</summary>
    public const string ModelSaturation = "model-saturation";

    /// <summary>Per-time event totals travel only under secure aggregation (or with an approved k = 1).</summary>
    public const string EventTimes = "event-times-need-secure-aggregation";

    /// <summary>A Kaplan-Meier step with fewer than k events is merged into the next; the curve stops where fewer than k are at risk.</summary>
    public const string EventsPerStep = "events-per-step";

    /// <summary>The rows exceed the plan's bound, so fixed-point sums may have wrapped.</summary>
    public const string RingBound = "ring-bound";
}
