using System.Text.Json;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>Compares federated coefficients with a reference's, term by term.</summary>
internal static class CoefficientAssert
{
    /// <returns>The largest relative error seen over estimates, standard errors, z and confidence limits, and over p-values.</returns>
    public static (double Value, double P) Equal(JsonElement reference, IReadOnlyList<Coefficient> actual)
    {
        var expected = reference.GetProperty("coefficients").EnumerateArray().ToArray();
        Assert.Equal(expected.Select(e => e.GetProperty("term").GetString()), actual.Select(c => c.Term));
        var (worst, worstP) = (0.0, 0.0);
        foreach (var (e, a) in expected.Zip(actual))
        {
            foreach (var (field, value) in new[] { ("estimate", a.Estimate), ("std_error", a.StdError), ("z", a.Z), ("ci_lower", a.CiLower), ("ci_upper", a.CiUpper) })
            {
                var x = e.GetProperty(field).Number();
                Tolerances.Close(x, value, Tolerances.Relative, $"{a.Term} {field}");
                worst = Math.Max(worst, Math.Abs(value - x) / Math.Abs(x));
            }

            var p = e.GetProperty("p").Number();
            Tolerances.Close(p, a.P, Tolerances.PValue, $"{a.Term} p");
            worstP = Math.Max(worstP, Math.Abs(a.P - p) / p);
        }

        return (worst, worstP);
    }
}
