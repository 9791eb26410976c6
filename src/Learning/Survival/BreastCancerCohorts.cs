using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Survival;

/// <summary>The consortium schema (with the protocol's split) and both sites' rows.</summary>
public sealed record BreastCancerCohorts(DatasetSchema Schema, IReadOnlyList<CohortSite> Sites)
{
    /// <summary>Input position of the hormonal-therapy feature (0/1): the recommendation flips it.</summary>
    public int HormonalTherapy => Feature("hormon");

    /// <summary>Input position of the positive lymph node count (as log(1 + nodes)).</summary>
    public int Nodes => Feature("nodes");

    private int Feature(string column) => Schema.FeatureSlots.FirstOrDefault(s => s.Column.Name == column)?.Offset
        ?? throw new SchemaException($"schema '{Schema.Name}' has no feature column '{column}'");
}
