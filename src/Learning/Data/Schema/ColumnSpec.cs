namespace FedChain.Learning.Data.Schema;

/// <summary>One column of the consortium's data, as every site holds it after its mapping.</summary>
/// <param name="Name">The column's name in the schema (a site's mapping says where its export keeps it).</param>
/// <param name="Role">What the column is for.</param>
/// <param name="Type">How its cells are parsed.</param>
/// <param name="Unit">The unit values are held in; a site exporting another unit converts through the clinical unit table.</param>
/// <param name="Quantity">What is measured (cholesterol, glucose, ...), when a unit conversion depends on it (mg/dL to mmol/L does).</param>
/// <param name="Min">Smallest valid value (inclusive) of a numeric column.</param>
/// <param name="Max">Largest valid value (inclusive) of a numeric column.</param>
/// <param name="Categories">The allowed codes of a categorical column.</param>
/// <param name="Encoding">How a categorical feature is encoded.</param>
/// <param name="Missing">Overrides the schema-wide missing-value policy for this column.</param>
/// <param name="Impute">The value used when <see cref="Missing"/> is <see cref="MissingPolicy.Impute"/>.</param>
/// <param name="Transform">A numeric feature's per-row transform before it enters the model (analyses see the recorded value).</param>
/// <param name="PublicCounts">Counts over this column are public by law (notifiable-disease counts, say): disclosure control does not suppress them.</param>
/// <param name="Description">What the column records.</param>
public sealed record ColumnSpec(
    string Name,
    ColumnRole Role = ColumnRole.Feature,
    ColumnType Type = ColumnType.Numeric,
    string? Unit = null,
    string? Quantity = null,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<CategorySpec>? Categories = null,
    CategoricalEncoding? Encoding = null,
    MissingPolicy? Missing = null,
    double? Impute = null,
    FeatureTransform? Transform = null,
    bool? PublicCounts = null,
    string? Description = null);
