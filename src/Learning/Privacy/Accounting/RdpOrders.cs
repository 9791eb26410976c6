namespace FedChain.Learning.Privacy.Accounting;

/// <summary>The Rényi orders at which the accountant tracks privacy loss.</summary>
public static class RdpOrders
{
    /// <summary>
    /// The usual list of the reference accountants (tensorflow/privacy, Opacus): 1.1 to 10.9 in steps
    /// of 0.1, then the integers 12 to 63. Fractional orders near 1 matter for large epsilons, large
    /// orders for small ones.
    /// </summary>
    public static IReadOnlyList<double> Default { get; } = BuildDefault();

    private static double[] BuildDefault()
    {
        var orders = new List<double>();
        for (var tenths = 11; tenths <= 109; tenths++) orders.Add(tenths / 10.0);
        for (var order = 12; order <= 63; order++) orders.Add(order);
        return [.. orders];
    }
}
