namespace FedChain.Learning.Analysis.Maths;

/// <summary>A symmetric p x p matrix as its upper triangle, row by row: p(p+1)/2 numbers, the form sites send.</summary>
public static class PackedSymmetric
{
    public static int Length(int p) => p * (p + 1) / 2;

    /// <summary>Position of (i, j) for i &lt;= j.</summary>
    public static int Index(int p, int i, int j)
    {
        if (i > j) (i, j) = (j, i);
        return i * p - i * (i - 1) / 2 + (j - i);
    }

    /// <summary>packed += weight * x x' (upper triangle).</summary>
    public static void AddOuter(Span<double> packed, ReadOnlySpan<double> x, double weight)
    {
        var k = 0;
        for (var i = 0; i < x.Length; i++)
        {
            var wi = weight * x[i];
            for (var j = i; j < x.Length; j++) packed[k++] += wi * x[j];
        }
    }

    public static double[,] Unpack(ReadOnlySpan<double> packed, int p)
    {
        var m = new double[p, p];
        var k = 0;
        for (var i = 0; i < p; i++)
        {
            for (var j = i; j < p; j++) m[i, j] = m[j, i] = packed[k++];
        }

        return m;
    }
}
