namespace FedChain.Learning.Tests.Analysis;

/// <summary>The equality the federated results must meet against the pooled references: 1e-6 relative, 1e-4 relative for p-values.</summary>
internal static class Tolerances
{
    public const double Relative = 1e-6;
    public const double PValue = 1e-4;

    public static void Close(double expected, double actual, double relative, string what)
    {
        var scale = Math.Abs(expected);
        Assert.True(Math.Abs(actual - expected) <= relative * scale || (double.IsNaN(expected) && double.IsNaN(actual)),
            $"{what}: expected {expected:R}, got {actual:R} (relative error {Math.Abs(actual - expected) / scale:E2}, allowed {relative:E0})");
    }
}
