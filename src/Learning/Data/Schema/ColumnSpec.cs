namespace FedChain.Learning.Data.Schema;

/// <summary>One column of the consortium's CSV layout.</summary>
/// <param name="Name">The column's name in the schema, and in the header when the files have one.</param>
/// <param name="Index">0-based field position; used when the files have no header.</param>
/// <param name="Role">What the column is for.</param>
/// <param name="Type">How its cells are parsed.</param>
/// <param name="Unit">The unit of a numeric column, for people reading the schema.</param>
/// <param name="Min">Smallest valid value (inclusive) of a numeric column.</param>
/// <param name="Max">Largest valid value (inclusive) of a numeric column.</param>
/// <param name="Categories">The allowed codes of a categorical column.</param>
/// <param name="Encoding">How a categorical feature is encoded.</param>
/// <param name="Missing">Overrides the schema-wide missing-value policy for this column.</param>
/// <param name="Impute">The value used when <see cref="Missing"/> is <see cref="MissingPolicy.Impute"/>.</param>
/// <param name="Description">What the column records.</param>
public sealed record ColumnSpec(
    string Name,
    int? Index = null,
    ColumnRole Role = ColumnRole.Feature,
    ColumnType Type = ColumnType.Numeric,
    string? Unit = null,
    double? Min = null,
    double? Max = null,
    IReadOnlyList<CategorySpec>? Categories = null,
    CategoricalEncoding? Encoding = null,
    MissingPolicy? Missing = null,
    double? Impute = null,
    string? Description = null);
