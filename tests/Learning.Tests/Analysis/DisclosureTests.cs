using FedChain.Learning.Analysis.Disclosure;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>Suppression of small cells and refusal of analyses that would reveal individuals, each naming its rule.</summary>
public sealed class DisclosureTests
{
    private static readonly IReadOnlyList<FedChain.Learning.Data.SiteTable> Sites = [SyntheticSites.Site("alpha", 60, 1), SyntheticSites.Site("beta", 40, 2, rareGroupRows: 7)];

    [Fact]
    public void SuppressionGrid_OneSmallCellInATotal_SuppressesItAndTheSmallestPartner()
    {
        var sut = new SuppressionGrid();
        var cells = new[] { sut.Add(3), sut.Add(40), sut.Add(12), sut.Add(55) };
        sut.Relate(cells);

        var released = sut.Release(5);

        Assert.Equal(DisclosureRules.MinCellCount, released[0].Rule);
        Assert.Equal(DisclosureRules.Complementary, released[2].Rule);
        Assert.Equal([40.0, 55.0], released.Where(c => !c.Suppressed).Select(c => c.Value!.Value));
    }

    [Fact]
    public void SuppressionGrid_PublicByLawAndZeroCounts_AreReleased()
    {
        var sut = new SuppressionGrid();
        sut.Add(2, publicByLaw: true);
        sut.Add(0);

        Assert.Equal([2.0, 0.0], sut.Release(5).Select(c => c.Value!.Value));
    }

    [Fact]
    public void Describe_RareCategory_IsSuppressedPerSiteWithItsComplementAndTheRuleNamed()
    {
        var outcome = AnalysisFixtures.Run(SyntheticSites.Plan(true, 5, new DescribeSpec("t1", ["x", "group"])), Sites);
        var sut = outcome.Result<TableResult>("t1");
        var rare = sut.Rows.Single(r => r.Label == "group=c");

        Assert.Equal(["alpha", "beta", "pooled"], sut.Columns);
        Assert.Equal(DisclosureRules.MinCellCount, rare.Cells[0].Rule);
        // beta's 7 or the pooled 9 is withheld too, or 9 - 7 would give alpha's 2.
        Assert.Single(rare.Cells.Skip(1), c => c.Rule == DisclosureRules.Complementary);
        // alpha's other groups: one of them is withheld too, so 60 - a - b cannot give c.
        var alphaCounts = sut.Rows.Where(r => r.Label.StartsWith("group=", StringComparison.Ordinal)).Select(r => r.Cells[0]).ToArray();
        Assert.Contains(alphaCounts, c => c.Rule == DisclosureRules.Complementary);
    }

    [Fact]
    public void Describe_CountsOfAPublicByLawColumn_AreNotSuppressed()
    {
        var outcome = AnalysisFixtures.Run(SyntheticSites.Plan(true, 5, new DescribeSpec("t1", ["region"])), Sites);

        var south = outcome.Result<TableResult>("t1").Rows.Single(r => r.Label == "region=south");

        Assert.Equal([2.0, 7.0, 9.0], south.Cells.Select(c => c.Value!.Value));
    }

    [Fact]
    public void Describe_MeanOfFewerThanKRows_IsWithheldUnderMinRows()
    {
        var outcome = AnalysisFixtures.Run(SyntheticSites.Plan(true, 5, new DescribeSpec("t1", ["x"], By: "group")), Sites);

        var means = outcome.Result<TableResult>("t1").Rows.Single(r => r.Label == "x: mean");

        // Columns: alpha a, b, c; beta a, b, c; pooled a, b, c. alpha has 2 rows in group c.
        Assert.Equal(DisclosureRules.MinRows, means.Cells[2].Rule);
        Assert.NotNull(means.Cells[5].Value);
    }

    [Fact]
    public void Glm_NearlyAsManyParametersAsRows_IsRefusedByModelSaturation()
    {
        var tiny = new[] { SyntheticSites.Site("alpha", 6, 3), SyntheticSites.Site("beta", 6, 4) };
        var plan = SyntheticSites.Plan(true, 5, new GlmSpec("fit", GlmFamily.Binomial, "y", ["x", "group", "region"]));

        var sut = AnalysisFixtures.Run(plan, tiny).Result<GlmResult>("fit");

        Assert.Equal(DisclosureRules.ModelSaturation, sut.Refused!.Rule);
        Assert.Contains("5 parameters for 12 complete cases", sut.Refused.Reason);
        Assert.Empty(sut.Coefficients);
        Assert.Equal(1, sut.Steps);
    }

    [Fact]
    public void Glm_WithoutSecureAggregation_RefusesWhenOneSiteIsTooSmallForTheModel()
    {
        var sites = new[] { SyntheticSites.Site("alpha", 200, 3), SyntheticSites.Site("beta", 8, 4) };

        var sut = AnalysisFixtures.Run(SyntheticSites.Plan(false, 5, new GlmSpec("fit", GlmFamily.Binomial, "y", ["x", "group"])), sites).Result<GlmResult>("fit");

        Assert.Equal(DisclosureRules.ModelSaturation, sut.Refused!.Rule);
        Assert.Contains("site 'beta'", sut.Refused.Reason);
    }

    [Fact]
    public void Quantile_FromFewerThanKRows_IsRefusedByMinRows()
    {
        var sites = new[] { SyntheticSites.Site("alpha", 2, 3), SyntheticSites.Site("beta", 2, 4) };

        var sut = AnalysisFixtures.Run(SyntheticSites.Plan(true, 5, new QuantileSpec("q", "x")), sites).Result<TableResult>("q");

        Assert.Equal(DisclosureRules.MinRows, sut.Refused!.Rule);
        Assert.Empty(sut.Rows);
    }

    [Fact]
    public void KaplanMeier_WithoutSecureAggregation_IsRefusedBeforeAnyTotalTravels()
    {
        var outcome = AnalysisFixtures.Run(SyntheticSites.Plan(false, 5, new KaplanMeierSpec("km")), Sites);

        Assert.Equal(DisclosureRules.EventTimes, outcome.Result<KaplanMeierResult>("km").Refused!.Rule);
        Assert.DoesNotContain(outcome.Shared, b => b.Analysis == "km");
    }

    [Fact]
    public void KaplanMeier_WithoutSecureAggregationButApprovedK1_RunsAndReleasesEveryEventTime()
    {
        var km = new KaplanMeierSpec("km") { MinCellCount = 1 };

        var sut = AnalysisFixtures.Run(SyntheticSites.Plan(false, 5, km), Sites).Result<KaplanMeierResult>("km");

        Assert.Null(sut.Refused);
        Assert.Equal(1, sut.MinCellCount);
        Assert.Contains(sut.Strata[0].NEvent, n => n == 1);
    }

    [Fact]
    public void KaplanMeier_WithK5_ReleasesOnlyStepsOfFiveEventsAtTheExactCurve()
    {
        var exact = AnalysisFixtures.Cohorts.Result<KaplanMeierResult>("km-by-hormon");
        var sut = AnalysisFixtures.Cohorts.Result<KaplanMeierResult>("km-released");

        foreach (var (coarse, fine) in sut.Strata.Zip(exact.Strata))
        {
            Assert.All(coarse.NEvent, n => Assert.True(n >= 5));
            Assert.All(coarse.NRisk, n => Assert.True(n >= 5));
            Assert.True(coarse.Times.Count < fine.Times.Count);
            Assert.Equal(fine.NEvent.Sum(), coarse.NEvent.Sum());
            for (var i = 0; i < coarse.Times.Count; i++)
            {
                var at = fine.Times.ToList().IndexOf(coarse.Times[i]);
                Assert.Equal(fine.Survival[at], coarse.Survival[i]);
                Assert.Equal(fine.Lower[at], coarse.Lower[i]);
            }
        }

        Assert.Contains(sut.Notes, n => n.Contains("at least 5 events", StringComparison.Ordinal));
    }

    [Fact]
    public void Histogram_WithDpNoise_ReportsEpsilonAndReleasesNoisyCounts()
    {
        var dp = new DpRelease(0.5, 1e-6);
        var exact = AnalysisFixtures.Run(SyntheticSites.Plan(true, 1, new HistogramSpec("h", "x", Bins: 5)), Sites).Result<TableResult>("h");

        var sut = AnalysisFixtures.Run(SyntheticSites.Plan(true, 1, new HistogramSpec("h", "x", Bins: 5, Dp: dp)), Sites).Result<TableResult>("h");

        Assert.Equal(0.5, sut.Dp!.Epsilon);
        Assert.Equal(dp.Sigma, sut.Dp.Sigma);
        Assert.Equal([0, 20, 40, 60, 80, 100], sut.Edges!);
        var differences = sut.Rows[0].Cells.Zip(exact.Rows[0].Cells, (a, b) => a.Value!.Value - b.Value!.Value).ToArray();
        Assert.Contains(differences, d => d != 0);
        Assert.All(differences, d => Assert.InRange(d, -6 * dp.Sigma, 6 * dp.Sigma));
        Assert.All(sut.Rows[0].Cells, c => Assert.Equal(Math.Round(c.Value!.Value), c.Value!.Value));
    }
}
