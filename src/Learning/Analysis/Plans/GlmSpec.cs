using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Regression;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>A GLM fitted by Newton-Raphson (IRLS for canonical links) on pooled score and information sums: the pooled fit's estimates.</summary>
/// <param name="Response">The response column.</param>
/// <param name="ResponseAbove">When set, the response is 1 where the column exceeds it, else 0 (heart disease: num &gt; 0).</param>
/// <param name="Terms">Covariates; an intercept is always fitted.</param>
public sealed record GlmSpec(string Name, GlmFamily Family, string Response, IReadOnlyList<string> Terms, double? ResponseAbove = null,
    int MaxSteps = 25, double Tolerance = 1e-10, double Confidence = 0.95) : AnalysisSpec(Name)
{
    public override void Validate(AnalysisPlan plan)
    {
        var response = Bounded(plan, Response, "response");
        if (response.Type != ColumnType.Numeric) throw Error($"'response' column '{Response}' must be numeric");
        if (Family == GlmFamily.Binomial && ResponseAbove is null && (response.Min < 0 || response.Max > 1)) throw Error($"a binomial response must be 0/1: column '{Response}' ranges {response.Min}..{response.Max}; set 'responseAbove'");
        if (Family == GlmFamily.Poisson && ResponseAbove is null && response.Min < 0) throw Error($"a Poisson response must be >= 0: column '{Response}' starts at {response.Min}");
        if (ResponseAbove is not null && Family == GlmFamily.Gaussian) throw Error("'responseAbove' makes a 0/1 response: use family binomial");
        foreach (var term in Terms) Bounded(plan, term, "terms");
        if (MaxSteps < 1) throw Error("'maxSteps' must be at least 1");
        if (Tolerance <= 0) throw Error("'tolerance' must be above 0");
        if (Confidence is <= 0 or >= 1) throw Error($"'confidence' must be in (0, 1), got {Confidence}");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new GlmAnalysis(this, context);
}
