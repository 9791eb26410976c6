using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Maths;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Regression;

/// <summary>
/// A GLM by Newton-Raphson (for canonical links the same iterations as IRLS/Fisher scoring).
/// Step 1: sites send their complete-case count and response sum; the model-size and outcome-count
/// rules are checked before any model statistic travels, and the intercept starts at the link of
/// the mean. Each later step: at the public coefficients, sites send their deviance, score
/// X'(y - mu) and information X'WX (pooled), whose sums are the pooled data's. This is DataSHIELD's
/// ds.glm scheme (Jones et al. 2012) with the sums in a 64-bit ring.
/// </summary>
public sealed class GlmAnalysis : FederatedAnalysis
{
    private readonly GlmSpec _spec;
    private readonly AnalysisContext _context;
    private readonly DesignMatrix _design;
    private readonly double _yBound;

    public GlmAnalysis(GlmSpec spec, AnalysisContext context)
    {
        _spec = spec;
        _context = context;
        _design = new DesignMatrix(context.Schema, spec.Terms, intercept: true);
        var response = context.Schema.Column(spec.Response);
        _yBound = spec.ResponseAbove is null ? Math.Max(Math.Abs(response.Min!.Value), Math.Abs(response.Max!.Value)) : 1;
    }

    public override int MaxSteps => 1 + _spec.MaxSteps;

    private sealed record State(long Rows, NewtonIteration? Newton) : AnalysisState;

    private int P => _design.Width;

    private Release CountRelease => _context.Plan.SecureAggregation ? Release.Pooled : Release.PerSite;

    public override AnalysisState Start() => new State(0, null)
    {
        Request = new StepRequest(
            new StatisticBlock("complete cases", 1, 0, CountRelease),
            new StatisticBlock("sum of the response", 1, FixedPointRing.FractionBitsFor(_context.Plan.MaxRows * _yBound), Release.Pooled)),
    };

    private StepRequest NewtonRequest(State s)
    {
        var (deviance, score, information) = GlmRows.Bounds(_spec.Family, 2.0 * s.Rows, s.Newton!.PredictorBound, _yBound);
        return new StepRequest(
            new StatisticBlock("deviance", 1, FixedPointRing.FractionBitsFor(deviance), Release.Pooled),
            new StatisticBlock("score", P, FixedPointRing.FractionBitsFor(score), Release.Pooled),
            new StatisticBlock("information", PackedSymmetric.Length(P), FixedPointRing.FractionBitsFor(information), Release.Pooled));
    }

    public override double[][] Contribute(AnalysisState state, SiteInput site)
    {
        var s = (State)state;
        var table = site.Table;
        var read = _design.Read(table);
        var response = table.Column(_spec.Response);
        var z = new double[P];
        var (rows, ySum, deviance) = (0.0, 0.0, 0.0);
        var score = new double[P];
        var information = new double[PackedSymmetric.Length(P)];
        for (var r = 0; r < table.RowCount; r++)
        {
            if (double.IsNaN(response[r]) || !_design.Fill(read, r, z)) continue;
            var y = _spec.ResponseAbove is { } above ? (response[r] > above ? 1 : 0) : response[r];
            rows++;
            ySum += y;
            if (s.Newton is null) continue;
            var eta = 0.0;
            for (var j = 0; j < P; j++) eta += z[j] * s.Newton.Beta[j];
            var (mu, dev, weight) = GlmRows.At(_spec.Family, eta, y);
            deviance += dev;
            for (var j = 0; j < P; j++) score[j] += z[j] * (y - mu);
            PackedSymmetric.AddOuter(information, z, weight);
        }

        return s.Newton is null ? [[rows], [ySum]] : [[deviance], score, information];
    }

    public override AnalysisState Advance(AnalysisState state, StepSums sums)
    {
        var s = (State)state;
        var step = s.Step + 1;
        if (s.Newton is null)
        {
            var rows = (long)sums.Total(0)[0];
            var ySum = sums.Total(1)[0];
            if (Saturation(sums, rows, ySum) is { } refusal) return new FinishedState(Empty(rows) with { Refused = refusal }, step);
            var start = new double[P];
            start[0] = GlmRows.Link(_spec.Family, ySum / rows);
            var first = new State(rows, new NewtonIteration(start)) { Step = step };
            return first with { Request = NewtonRequest(first) };
        }

        var information = PackedSymmetric.Unpack(sums.Total(2), P);
        NewtonIteration next;
        bool converged;
        try
        {
            next = s.Newton.Next(-sums.Total(0)[0] / 2, sums.Total(1), information, _spec.Tolerance, out converged);
        }
        catch (SingularInformationException e)
        {
            return new FinishedState(Empty(s.Rows) with { Notes = [e.Message] }, step);
        }

        var advanced = new State(s.Rows, next) { Step = step };
        if (!converged && step < MaxSteps && next.PredictorBound < 700) return advanced with { Request = NewtonRequest(advanced) };
        return new FinishedState(Fit(advanced, converged), step);
    }

    /// <summary>Refuses a model too large for its rows, or a logistic model with fewer than k events or non-events.</summary>
    private Refusal? Saturation(StepSums sums, long rows, double ySum)
    {
        var k = _context.MinCellCount(_spec);
        var share = _context.Plan.Disclosure.MaxParameterShare;
        if (P > share * rows || rows - P < k)
        {
            return new Refusal(DisclosureRules.ModelSaturation, $"{P} parameters for {rows} complete cases: more than {share:P0} of the rows, or fewer than k = {k} residual degrees of freedom");
        }

        if (CountRelease == Release.PerSite)
        {
            for (var site = 0; site < _context.Sites.Count; site++)
            {
                var n = sums.Site(0, site)[0];
                if (n > 0 && (P > share * n || n - P < k))
                {
                    return new Refusal(DisclosureRules.ModelSaturation, $"site '{_context.Sites[site]}' has {n} complete cases for {P} parameters; without secure aggregation its own sums would be seen");
                }
            }
        }

        if (_spec.Family == GlmFamily.Binomial && (ySum < k || rows - ySum < k))
        {
            return new Refusal(DisclosureRules.MinCellCount, $"the response has {ySum} positive and {rows - ySum} negative rows; both must be at least k = {k}");
        }

        return null;
    }

    private GlmResult Fit(State s, bool converged)
    {
        var newton = s.Newton!;
        var deviance = -2 * newton.BestObjective;
        var dfResidual = s.Rows - P;
        var dispersion = _spec.Family == GlmFamily.Gaussian ? deviance / dfResidual : 1;
        var inverse = Cholesky.Inverse(Cholesky.Factor(newton.BestInformation!)!);
        for (var i = 0; i < P; i++)
        {
            for (var j = 0; j < P; j++) inverse[i, j] *= dispersion;
        }

        var (beta, covariance) = _design.ToOriginal(newton.Best, inverse);
        var coefficients = WaldTable.Of(_design.Names, beta, covariance, _spec.Confidence, _spec.Family == GlmFamily.Gaussian ? dfResidual : null);
        return new GlmResult(_spec.Name, Title, _spec.Family, s.Rows, converged, deviance, dispersion, dfResidual, coefficients)
        {
            MinCellCount = _context.MinCellCount(_spec),
            Notes = converged ? [] : [$"did not converge within {_spec.MaxSteps} Newton steps: the last best point is shown"],
        };
    }

    private string Title => $"{_spec.Family} GLM of {_spec.Response}{(_spec.ResponseAbove is { } a ? $" > {a}" : "")} on {string.Join(" + ", _spec.Terms)}";

    private GlmResult Empty(long rows) => new(_spec.Name, Title, _spec.Family, rows, false, double.NaN, double.NaN, 0, []) { MinCellCount = _context.MinCellCount(_spec) };
}
