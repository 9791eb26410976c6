namespace FedChain.Learning.Analysis.Maths;

/// <summary>
/// Cholesky factorisation of a symmetric positive-definite matrix, in plain scalar loops in a fixed
/// order so every member computes the same bits (no BLAS, no SIMD: docs/ARCHITECTURE.md, "Determinism").
/// </summary>
public static class Cholesky
{
    /// <summary>The lower factor L with A = L L', or null when A is not (numerically) positive definite.</summary>
    public static double[,]? Factor(double[,] a)
    {
        var n = a.GetLength(0);
        var l = new double[n, n];
        for (var j = 0; j < n; j++)
        {
            var d = a[j, j];
            for (var k = 0; k < j; k++) d -= l[j, k] * l[j, k];
            if (!(d > 1e-300) || d <= 1e-13 * Math.Abs(a[j, j])) return null;
            l[j, j] = Math.Sqrt(d);
            for (var i = j + 1; i < n; i++)
            {
                var s = a[i, j];
                for (var k = 0; k < j; k++) s -= l[i, k] * l[j, k];
                l[i, j] = s / l[j, j];
            }
        }

        return l;
    }

    /// <summary>Solves A x = b given A's factor.</summary>
    public static double[] Solve(double[,] l, ReadOnlySpan<double> b)
    {
        var n = b.Length;
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var s = b[i];
            for (var k = 0; k < i; k++) s -= l[i, k] * y[k];
            y[i] = s / l[i, i];
        }

        var x = new double[n];
        for (var i = n - 1; i >= 0; i--)
        {
            var s = y[i];
            for (var k = i + 1; k < n; k++) s -= l[k, i] * x[k];
            x[i] = s / l[i, i];
        }

        return x;
    }

    /// <summary>A^-1 given A's factor.</summary>
    public static double[,] Inverse(double[,] l)
    {
        var n = l.GetLength(0);
        var inverse = new double[n, n];
        var e = new double[n];
        for (var j = 0; j < n; j++)
        {
            Array.Clear(e);
            e[j] = 1;
            var column = Solve(l, e);
            for (var i = 0; i < n; i++) inverse[i, j] = column[i];
        }

        return inverse;
    }
}
