using System.Globalization;

namespace FedChain.Learning.Data.Mapping;

/// <summary>
/// A numeric export field cut into the schema's categories: value v gets label i when
/// edges[i-1] &lt; v &lt;= edges[i] (right-closed, as R's cut), with the first and last bins open.
/// GBSG's tumour size in mm becomes Rotterdam's "&lt;=20", "20-50", "&gt;50" this way.
/// </summary>
/// <param name="Column">The schema column (categorical) it fills.</param>
/// <param name="From">The numeric export field.</param>
/// <param name="Edges">Ascending cut points, in the field's own unit.</param>
/// <param name="Labels">One schema category code per bin: edges + 1 of them.</param>
public sealed record BinnedColumn(string Column, string From, IReadOnlyList<double> Edges, IReadOnlyList<string> Labels) : DerivedColumn
{
    public override IReadOnlyList<string> Outputs => [Column];

    public override IReadOnlyList<string> Inputs => [From];

    public override string Explain() => string.Create(CultureInfo.InvariantCulture,
        $"binned from '{From}' at {string.Join(", ", Edges)} into {string.Join(" | ", Labels)}");

    internal override void Derive(ExportRow row, Span<MappedCell> outputs)
    {
        var value = row.Number(From);
        if (value.Kind != CellKind.Number) { outputs[0] = value; return; }
        var bin = 0;
        while (bin < Edges.Count && value.Number > Edges[bin]) bin++;
        outputs[0] = MappedCell.OfText(Labels[bin]);
    }

    internal override void Check(Action<string> fail)
    {
        if (Edges.Count == 0) fail("'edges' is empty");
        for (var i = 1; i < Edges.Count; i++)
        {
            if (!(Edges[i] > Edges[i - 1])) fail("'edges' must be strictly ascending");
        }

        if (Labels.Count != Edges.Count + 1) fail($"{Edges.Count} edges make {Edges.Count + 1} bins, but 'labels' has {Labels.Count}");
    }
}
