using System.Text.Json.Serialization;

namespace FedChain.Learning.Data.Mapping;

/// <summary>
/// A schema column a site computes from other fields of its export, declared in its mapping.
/// The set is small on purpose: each kind is one documented rule a reviewer can check.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(BinnedColumn), "bin")]
[JsonDerivedType(typeof(CompositeEndpoint), "composite-endpoint")]
[JsonDerivedType(typeof(DaysBetween), "days-between")]
public abstract record DerivedColumn
{
    /// <summary>The schema columns this rule fills.</summary>
    [JsonIgnore]
    public abstract IReadOnlyList<string> Outputs { get; }

    /// <summary>The export fields it reads.</summary>
    [JsonIgnore]
    public abstract IReadOnlyList<string> Inputs { get; }

    /// <summary>The unit a numeric output comes in (null: the schema column's own unit).</summary>
    internal virtual string? OutputUnit(string column) => null;

    /// <summary>The rule in words, for the mapping report.</summary>
    public abstract string Explain();

    /// <summary>Computes the outputs of one row, in <see cref="Outputs"/> order.</summary>
    internal abstract void Derive(ExportRow row, Span<MappedCell> outputs);

    /// <summary>Calls <paramref name="fail"/> with what is wrong when the rule cannot work.</summary>
    internal abstract void Check(Action<string> fail);
}
