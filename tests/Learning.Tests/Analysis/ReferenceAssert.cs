using System.Text.Json;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>
/// A federated result against its pooled reference in references.json, as the in-process tests and
/// the node-run ones (tests/Node.Tests/Analyses) both check it: 1e-6 relative, 1e-4 for p-values.
/// </summary>
internal static class ReferenceAssert
{
    /// <returns>The largest relative error over estimates, standard errors, z and limits, and over p-values.</returns>
    public static (double Value, double P) Glm(JsonElement expected, GlmResult sut)
    {
        Assert.Null(sut.Refused);
        Assert.True(sut.Converged);
        Assert.Equal(expected.GetProperty("n").Number(), sut.N);
        Tolerances.Close(expected.GetProperty("deviance").Number(), sut.Deviance, Tolerances.Relative, "deviance");
        return CoefficientAssert.Equal(expected, sut.Coefficients);
    }

    /// <returns>The largest relative error over estimates, standard errors, z and limits, and over p-values.</returns>
    public static (double Value, double P) Cox(JsonElement expected, CoxResult sut)
    {
        Assert.Null(sut.Refused);
        Assert.True(sut.Converged);
        Assert.Equal(expected.GetProperty("n").Number(), sut.N);
        Assert.Equal(expected.GetProperty("events").Number(), sut.Events);
        Tolerances.Close(expected.GetProperty("loglik").Number(), sut.LogLikelihood, Tolerances.Relative, "log partial likelihood");
        return CoefficientAssert.Equal(expected, sut.Coefficients);
    }

    /// <summary>Every stratum: the same times, numbers at risk and events; survival and its limits within 1e-6.</summary>
    /// <returns>The largest relative error over survival and its limits.</returns>
    public static double KaplanMeier(JsonElement expected, KaplanMeierResult sut)
    {
        var strata = expected.EnumerateArray().ToArray();
        Assert.Equal(strata.Select(e => e.GetProperty("name").GetString()), sut.Strata.Select(s => s.Name));
        var worst = 0.0;
        foreach (var (e, a) in strata.Zip(sut.Strata))
        {
            Assert.Equal(e.GetProperty("times").Numbers(), a.Times);
            Assert.Equal(e.GetProperty("n_risk").Numbers(), a.NRisk.Select(n => (double)n));
            Assert.Equal(e.GetProperty("n_event").Numbers(), a.NEvent.Select(n => (double)n));
            foreach (var (field, values) in new[] { ("survival", a.Survival), ("lower", a.Lower), ("upper", a.Upper) })
            {
                var reference = e.GetProperty(field).Numbers();
                for (var i = 0; i < reference.Length; i++)
                {
                    Tolerances.Close(reference[i], values[i], Tolerances.Relative, $"{a.Name} {field} at {a.Times[i]}");
                    if (reference[i] != 0) worst = Math.Max(worst, Math.Abs(values[i] - reference[i]) / reference[i]);
                }
            }
        }

        return worst;
    }

    /// <summary>Degrees of freedom, chisq and p, observed events per group (exact) and expected ones.</summary>
    /// <returns>The relative error of chisq.</returns>
    public static double LogRank(JsonElement expected, LogRankResult sut)
    {
        var chisq = expected.GetProperty("chisq").Number();
        Assert.Equal((int)expected.GetProperty("df").Number(), sut.Df);
        Tolerances.Close(chisq, sut.Chisq, Tolerances.Relative, "chisq");
        Tolerances.Close(expected.GetProperty("p").Number(), sut.P, Tolerances.PValue, "p");
        Assert.Equal(expected.GetProperty("observed").Numbers(), sut.Groups.Select(g => g.Observed.Value!.Value));
        var expectedE = expected.GetProperty("expected").Numbers();
        for (var g = 0; g < expectedE.Length; g++) Tolerances.Close(expectedE[g], sut.Groups[g].Expected, Tolerances.Relative, $"expected events, group {g}");
        return Math.Abs(sut.Chisq - chisq) / chisq;
    }
}
