using System.Text.Json.Serialization;
using System.Security.Cryptography;
using FedChain.Learning.Json;

namespace FedChain.Learning.Data.Schema;

/// <summary>
/// The document a consortium agrees on before training or analysis: each column's role, type, unit,
/// valid range, categorical coding and missing-value rule, the outcome, and the split rule. How one
/// site's export is laid out (header, delimiter, positions, units, codes) is not here but in that
/// site's <see cref="Mapping.SiteMapping"/>, so the schema's hash is the same at every site.
/// Load it with <see cref="Load"/> or <see cref="Parse"/>; both validate it.
/// </summary>
public sealed partial record DatasetSchema(
    string Name,
    int Version,
    IReadOnlyList<ColumnSpec> Columns,
    TaskSpec Task,
    SplitRule Split,
    RowPolicy Rows,
    string? Description = null)
{
    /// <summary>Reads and validates a schema file.</summary>
    /// <exception cref="SchemaException">The file is missing, is not JSON of this shape, or is inconsistent.</exception>
    public static DatasetSchema Load(string path) => ConsortiumDocument.Read<DatasetSchema>(path, "schema").Validated(path);

    /// <summary>Parses and validates a schema document; <paramref name="source"/> names it in errors.</summary>
    public static DatasetSchema Parse(string json, string source) => ConsortiumDocument.Parse<DatasetSchema>(json, source, "schema").Validated(source);

    private DatasetSchema Validated(string source)
    {
        Validate(source);
        return this;
    }

    /// <summary>SHA-256 of the canonical JSON form, lower-case hex.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(CanonicalJson.ToBytes(this)));

    /// <summary>The feature columns in input order, with their positions in the input vector.</summary>
    [JsonIgnore]
    public IReadOnlyList<FeatureSlot> FeatureSlots => _slots ??= BuildSlots();

    /// <summary>Length of the model's input vector (one-hot columns expanded).</summary>
    [JsonIgnore]
    public int FeatureCount => FeatureSlots.Count == 0 ? 0 : FeatureSlots[^1].Offset + FeatureSlots[^1].Width;

    /// <summary>The input vector's names: a one-hot position is named <c>column=code</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> FeatureNames => FeatureSlots.SelectMany(SlotNames).ToArray();

    public ColumnSpec Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name) ?? throw new SchemaException($"schema '{Name}' has no column '{name}'");

    private IReadOnlyList<FeatureSlot>? _slots;

    private FeatureSlot[] BuildSlots()
    {
        var slots = new List<FeatureSlot>();
        var offset = 0;
        foreach (var column in Columns.Where(c => c.Role == ColumnRole.Feature))
        {
            var width = EncodedWidth(column);
            slots.Add(new FeatureSlot(column, offset, width));
            offset += width;
        }

        return [.. slots];
    }

    internal static int EncodedWidth(ColumnSpec column)
    {
        if (column.Type != ColumnType.Categorical) return 1;
        var categories = column.Categories!.Count;
        return (column.Encoding ?? CategoricalEncoding.OneHotDropFirst) switch
        {
            CategoricalEncoding.OneHot => categories,
            CategoricalEncoding.OneHotDropFirst => categories - 1,
            _ => 1,
        };
    }

    private static IEnumerable<string> SlotNames(FeatureSlot slot)
    {
        var column = slot.Column;
        if (column.Type != ColumnType.Categorical || column.Encoding == CategoricalEncoding.Ordinal)
        {
            return [column.Name];
        }

        var skip = column.Encoding == CategoricalEncoding.OneHot ? 0 : 1;
        return column.Categories!.Skip(skip).Select(c => $"{column.Name}={c.Code}");
    }
}
