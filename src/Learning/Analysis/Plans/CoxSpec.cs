using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Survival;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>
/// Cox proportional hazards by Newton-Raphson on the partial likelihood. Stratified by site, each
/// site sends its own stratum's log-likelihood, score and information (exact, as coxph with
/// strata(site)). With a common baseline (<paramref name="Strata"/> null), sites send risk-set sums
/// at the pooled event times, from which the pooled partial likelihood is exact (WebDISCO, Lu et al. 2015).
/// </summary>
/// <param name="Terms">Covariates: numeric columns, and categorical ones as treatment contrasts (first category the reference).</param>
/// <param name="Strata">"site" or null.</param>
/// <param name="MaxSteps">Newton steps at most.</param>
/// <param name="Tolerance">Converged when no coefficient moves by more than this times (|coefficient| + 1).</param>
public sealed record CoxSpec(string Name, IReadOnlyList<string> Terms, SurvivalOutcome? Outcome = null, TiesMethod Ties = TiesMethod.Efron,
    string? Strata = null, int MaxSteps = 30, double Tolerance = 1e-10, double Confidence = 0.95) : AnalysisSpec(Name)
{
    public SurvivalOutcome Survival => Outcome ?? new SurvivalOutcome();

    public override void Validate(AnalysisPlan plan)
    {
        SurvivalColumns.Validate(plan, Survival, Error);
        if (Terms.Count == 0) throw Error("'terms' is empty");
        foreach (var term in Terms) Bounded(plan, term, "terms");
        if (Strata is not null and not LogRankSpec.SiteStrata) throw Error($"'strata' must be \"site\" or left out, got '{Strata}'");
        if (MaxSteps < 1) throw Error("'maxSteps' must be at least 1");
        if (Tolerance <= 0) throw Error("'tolerance' must be above 0");
        if (Confidence is <= 0 or >= 1) throw Error($"'confidence' must be in (0, 1), got {Confidence}");
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new CoxAnalysis(this, context);
}
