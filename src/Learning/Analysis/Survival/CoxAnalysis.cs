using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Regression;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Data;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>
/// Cox proportional hazards by Newton-Raphson. Step 1: sites send complete cases and events (and,
/// with a common baseline, pooled events per time, which fix the event times); the model-size rule
/// is checked on the events. Each later step, at the public coefficients: stratified by site, each
/// site evaluates its own stratum's partial likelihood and sends (l, U, I); with a common baseline,
/// sites send <see cref="RiskSetSums"/> at the pooled event times and every member evaluates the
/// pooled partial likelihood from their sum (WebDISCO, Lu et al. 2015). Both are exact.
/// </summary>
public sealed class CoxAnalysis : FederatedAnalysis
{
    private readonly CoxSpec _spec;
    private readonly AnalysisContext _context;
    private readonly DesignMatrix _design;
    private readonly int _grid;

    public CoxAnalysis(CoxSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        _design = new DesignMatrix(context.Schema, spec.Terms, intercept: false);
        _grid = spec.Survival.GridLength(context.Schema);
    }

    public override int MaxSteps => 1 + _spec.MaxSteps;

    private sealed record State(long Rows, long Events, int[] EventGrid, double[] EventCounts, NewtonIteration? Newton) : AnalysisState;

    private bool BySite => _spec.Strata == LogRankSpec.SiteStrata;

    private int P => _design.Width;

    private bool Efron => _spec.Ties == TiesMethod.Efron;

    private Release CountRelease => _context.Plan.SecureAggregation ? Release.Pooled : Release.PerSite;

    public override AnalysisState Start()
    {
        var counts = new StatisticBlock("complete cases and events", 2, 0, CountRelease);
        if (BySite) return new State(0, 0, [], [], null) { Request = new StepRequest(counts) };
        if (EventTimeRule.Check(_context, _spec) is { } refusal) return new FinishedState(Empty(0, 0) with { Refused = refusal }, 0);
        return new State(0, 0, [], [], null) { Request = new StepRequest(counts, new StatisticBlock("events per time", _grid, 0, Release.Pooled)) };
    }

    private StepRequest NewtonRequest(State s)
    {
        var rows = 2.0 * s.Rows;
        var bound = s.Newton!.PredictorBound;
        if (!BySite)
        {
            return new StepRequest(new StatisticBlock("risk-set sums at the event times", RiskSetSums.Length(s.EventGrid.Length, P, Efron),
                FixedPointRing.FractionBitsFor(rows * Math.Exp(bound)), Release.Pooled));
        }

        return new StepRequest(
            new StatisticBlock("log partial likelihood (own stratum)", 1, FixedPointRing.FractionBitsFor(rows * (2 * bound + Math.Log(rows) + 1)), Release.Pooled),
            new StatisticBlock("score (own stratum)", P, FixedPointRing.FractionBitsFor(2 * rows), Release.Pooled),
            new StatisticBlock("information (own stratum)", PackedSymmetric.Length(P), FixedPointRing.FractionBitsFor(2 * rows), Release.Pooled));
    }

    /// <summary>The site's complete cases: time grid index, event and covariates.</summary>
    private List<(int Grid, bool Event, double[] Z)> Rows(SiteTable table)
    {
        var read = _design.Read(table);
        var rows = new List<(int, bool, double[])>();
        foreach (var (row, grid, evt, _) in SurvivalColumns.Rows(table, _spec.Survival, null, null))
        {
            var z = new double[P];
            if (_design.Fill(read, row, z)) rows.Add((grid, evt, z));
        }

        return rows;
    }

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var s = (State)state;
        var rows = Rows(site.Table);
        if (s.Newton is null)
        {
            var counts = new double[] { rows.Count, rows.Count(r => r.Event) };
            if (BySite) return [counts];
            var perTime = new double[_grid];
            foreach (var r in rows.Where(r => r.Event)) perTime[r.Grid]++;
            return [counts, perTime];
        }

        if (!BySite) return [RiskSetSums.Of(rows, s.EventGrid, s.Newton.Beta, _spec.Ties).Values];
        var own = rows.Where(r => r.Event).GroupBy(r => r.Grid).OrderBy(g => g.Key).ToArray();
        var sums = RiskSetSums.Of(rows, [.. own.Select(g => g.Key)], s.Newton.Beta, _spec.Ties);
        var (loglik, score, information) = CoxPartialLikelihood.Evaluate(sums, [.. own.Select(g => (double)g.Count())], s.Newton.Beta);
        var packed = new double[PackedSymmetric.Length(P)];
        for (var a = 0; a < P; a++)
        {
            for (var b = a; b < P; b++) packed[PackedSymmetric.Index(P, a, b)] = information[a, b];
        }

        return [[loglik], score, packed];
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var s = (State)state;
        var step = s.Step + 1;
        if (s.Newton is null)
        {
            var counts = sums.Total(0);
            var (rows, events) = ((long)counts[0], (long)counts[1]);
            if (Saturation(sums, events) is { } refusal) return new FinishedState(Empty(rows, events) with { Refused = refusal }, step);
            int[] grid = [];
            double[] eventCounts = [];
            if (!BySite)
            {
                var perTime = sums.Total(1);
                grid = [.. Enumerable.Range(0, _grid).Where(g => perTime[g] > 0)];
                eventCounts = [.. grid.Select(g => perTime[g])];
            }

            var first = new State(rows, events, grid, eventCounts, new NewtonIteration(new double[P])) { Step = step };
            return first with { Request = NewtonRequest(first) };
        }

        double loglik;
        double[] score;
        double[,] information;
        if (BySite) (loglik, score, information) = (sums.Total(0)[0], sums.Total(1), PackedSymmetric.Unpack(sums.Total(2), P));
        else (loglik, score, information) = CoxPartialLikelihood.Evaluate(RiskSetSums.From(sums.Total(0), s.EventGrid.Length, P, Efron), s.EventCounts, s.Newton.Beta);

        NewtonIteration next;
        bool converged;
        try
        {
            next = s.Newton.Next(loglik, score, information, _spec.Tolerance, out converged);
        }
        catch (SingularInformationException e)
        {
            return new FinishedState(Empty(s.Rows, s.Events) with { Notes = [e.Message] }, step);
        }

        var advanced = s with { Newton = next, Step = step };
        if (!converged && step < MaxSteps && next.PredictorBound < 700) return advanced with { Request = NewtonRequest(advanced) };
        return new FinishedState(Fit(advanced, converged), step);
    }

    /// <summary>Refuses a model with more parameters than the plan's share of its events, or fewer than k events beyond them.</summary>
    private Refusal? Saturation(StepSums sums, long events)
    {
        var k = _context.MinCellCount(_spec);
        var share = _context.Plan.Disclosure.MaxParameterShare;
        if (P > share * events || events - P < k)
        {
            return new Refusal(DisclosureRules.ModelSaturation, $"{P} parameters for {events} events: more than {share:P0} of the events, or fewer than k = {k} beyond the parameters");
        }

        if (CountRelease != Release.PerSite) return null;
        for (var site = 0; site < _context.Sites.Count; site++)
        {
            var e = sums.Site(0, site)[1];
            if (e > 0 && (P > share * e || e - P < k))
            {
                return new Refusal(DisclosureRules.ModelSaturation, $"site '{_context.Sites[site]}' has {e} events for {P} parameters; without secure aggregation its own sums would be seen");
            }
        }

        return null;
    }

    private CoxResult Fit(State s, bool converged)
    {
        var newton = s.Newton!;
        var inverse = Cholesky.Inverse(Cholesky.Factor(newton.BestInformation!)!);
        var (beta, covariance) = _design.ToOriginal(newton.Best!, inverse);
        return Empty(s.Rows, s.Events) with
        {
            Converged = converged,
            LogLikelihood = newton.BestObjective,
            Coefficients = WaldTable.Of(_design.Names, beta, covariance, _spec.Confidence, null),
            Notes = converged ? [] : [$"did not converge within {_spec.MaxSteps} Newton steps: the last best point is shown"],
        };
    }

    private CoxResult Empty(long rows, long events) =>
        new(_spec.Name, $"Cox model{(BySite ? " stratified by site" : "")} ({_spec.Ties} ties) on {string.Join(" + ", _spec.Terms)}", _spec.Ties, _spec.Strata, rows, events, false, double.NaN, [])
        {
            MinCellCount = _context.MinCellCount(_spec),
        };
}
