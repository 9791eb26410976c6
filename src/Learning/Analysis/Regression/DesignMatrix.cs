using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Regression;

/// <summary>
/// A model's covariates as the sites compute them. A numeric term is rescaled onto [-1, 1] by its
/// public schema range, z = (x - c) / h with c the range's midpoint and h its half-width, so every
/// fixed-point bound is known before any data is seen; a categorical term becomes treatment
/// contrasts (one 0/1 column per category after the first, named as R names them: column + code).
/// Newton's method is affine-invariant, so fitting on z and mapping back (<see cref="ToOriginal"/>)
/// gives the coefficients of the original columns exactly.
/// </summary>
public sealed class DesignMatrix
{
    private readonly (string Column, int Category, double Center, double HalfRange)[] _columns;

    public DesignMatrix(DatasetSchema schema, IReadOnlyList<string> terms, bool intercept)
    {
        Intercept = intercept;
        var columns = new List<(string, int, double, double)>();
        foreach (var term in terms)
        {
            var spec = schema.Column(term);
            if (spec.Type == ColumnType.Categorical)
            {
                for (var c = 1; c < spec.Categories!.Count; c++) columns.Add((term, c, 0, 1));
            }
            else
            {
                var (min, max) = (spec.Min!.Value, spec.Max!.Value);
                columns.Add((term, -1, (min + max) / 2, max > min ? (max - min) / 2 : 1));
            }
        }

        _columns = [.. columns];
        Terms = terms;
        Names = [.. (intercept ? ["(Intercept)"] : Array.Empty<string>()), .. _columns.Select(c => c.Category < 0 ? c.Column : $"{c.Column}{schema.Column(c.Column).Categories![c.Category].Code}")];
    }

    public bool Intercept { get; }

    public IReadOnlyList<string> Terms { get; }

    /// <summary>Coefficient names, R's way: "(Intercept)", "age", "cp2".</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Columns of the design, the intercept included.</summary>
    public int Width => Names.Count;

    /// <summary>The term columns of a site's table, read once.</summary>
    public IReadOnlyList<double>[] Read(SiteTable table) => [.. Terms.Distinct().Select(t => table.Column(t))];

    /// <summary>Fills row <paramref name="row"/>'s z; false when a term is missing there (the row is not a complete case).</summary>
    public bool Fill(IReadOnlyList<double>[] read, int row, Span<double> z)
    {
        var terms = Terms.Distinct().ToList();
        var at = 0;
        if (Intercept) z[at++] = 1;
        foreach (var (column, category, center, half) in _columns)
        {
            var x = read[terms.IndexOf(column)][row];
            if (double.IsNaN(x)) return false;
            z[at++] = category < 0 ? (x - center) / half : x == category ? 1 : 0;
        }

        return true;
    }

    /// <summary>
    /// Coefficients and covariance on the original scale from those on z: beta = A gamma with
    /// A[j][j] = 1 / h_j and, for the intercept, A[0][j] = -c_j / h_j; Cov(beta) = A Cov(gamma) A'.
    /// </summary>
    public (double[] Beta, double[,] Covariance) ToOriginal(ReadOnlySpan<double> gamma, double[,] covariance)
    {
        var p = Width;
        var a = new double[p, p];
        var offset = Intercept ? 1 : 0;
        if (Intercept) a[0, 0] = 1;
        for (var j = 0; j < _columns.Length; j++)
        {
            var (_, category, center, half) = _columns[j];
            a[offset + j, offset + j] = category < 0 ? 1 / half : 1;
            if (Intercept && category < 0) a[0, offset + j] = -center / half;
        }

        var beta = new double[p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++) beta[i] += a[i, j] * gamma[j];
        }

        var ac = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                for (var m = 0; m < p; m++) ac[i, j] += a[i, m] * covariance[m, j];
            }
        }

        var result = new double[p, p];
        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < p; j++)
            {
                for (var m = 0; m < p; m++) result[i, j] += ac[i, m] * a[j, m];
            }
        }

        return (beta, result);
    }
}
