namespace FedChain.Learning.Analysis.Engine;

/// <summary>The decoded sums of one step of one analysis, block by block.</summary>
public sealed class StepSums
{
    private readonly StepRequest _request;
    private readonly double[][] _blocks;

    public StepSums(StepRequest request, int sites, double[][] blocks)
    {
        _request = request;
        Sites = sites;
        _blocks = blocks;
    }

    public int Sites { get; }

    /// <summary>Block <paramref name="block"/> summed over sites.</summary>
    public double[] Total(int block)
    {
        var b = _request.Blocks[block];
        if (b.Release == Release.Pooled) return _blocks[block];
        var total = new double[b.Length];
        for (var s = 0; s < Sites; s++)
        {
            for (var i = 0; i < b.Length; i++) total[i] += _blocks[block][s * b.Length + i];
        }

        return total;
    }

    /// <summary>One site's slice of a per-site block.</summary>
    public double[] Site(int block, int site)
    {
        var b = _request.Blocks[block];
        if (b.Release != Release.PerSite) throw new InvalidOperationException($"block '{b.Name}' is pooled: no site's values exist");
        return _blocks[block][(site * b.Length)..((site + 1) * b.Length)];
    }
}
