using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Survival;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>The log-rank test of survival across the levels of a group (R survdiff, rho = 0), optionally stratified.</summary>
/// <param name="Group">The grouping column.</param>
/// <param name="Strata">"site" (each site computes its own stratum's observed-minus-expected and variance), a column, or null.</param>
public sealed record LogRankSpec(string Name, string Group, SurvivalOutcome? Outcome = null, string? Strata = null) : AnalysisSpec(Name)
{
    public const string SiteStrata = "site";

    public SurvivalOutcome Survival => Outcome ?? new SurvivalOutcome();

    public override void Validate(AnalysisPlan plan)
    {
        SurvivalColumns.Validate(plan, Survival, Error);
        Descriptive.ColumnLevels.Of(Column(plan, Group, "group"), Error);
        if (Strata is not null and not SiteStrata) Descriptive.ColumnLevels.Of(Column(plan, Strata, "strata"), Error);
    }

    public override FederatedAnalysis Create(AnalysisContext context) => new LogRankAnalysis(this, context);
}
