using FedChain.Learning.Survival;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Survival;

/// <summary>Kaplan-Meier, log-rank and the hazard ratio on GBSG-2 by hormonal therapy, against R's survival 3.5-3 (references/scripts/gbsg_survival_reference.R).</summary>
public sealed class SurvivalStatisticsTests
{
    private static (float[] Times, float[] Events, int[] Treated) Gbsg()
    {
        var cohorts = BreastCancerSites.Load(Datasets.Folder("breast-cancer-rotterdam-gbsg"));
        var gbsg = cohorts.Sites.Single(s => s.Name == BreastCancerSites.Gbsg).Data;
        var treated = Enumerable.Range(0, gbsg.Count).Select(i => (int)gbsg.Features[i * gbsg.FeatureCount + cohorts.HormonalTherapy]).ToArray();
        return (gbsg.Times!, gbsg.Events!, treated);
    }

    [Fact]
    public void LogRank_AndHazardRatio_MatchRSurvival()
    {
        var (times, events, treated) = Gbsg();

        var sut = LogRankTest.Compare(times, events, treated);

        // survdiff: chisq 8.564781, p 0.00342728; coxph (Breslow): HR 0.694962, 95% CI 0.543905-0.887971.
        Assert.Equal(8.564781, sut.ChiSquare, 4);
        Assert.Equal(0.00342728, sut.P, 6);
        Assert.Equal(0.694962, sut.HazardRatio, 5);
        Assert.Equal(0.543905, sut.LowerCi, 3);
        Assert.Equal(0.887971, sut.UpperCi, 3);
    }

    [Fact]
    public void KaplanMeier_MedianAndSurvival_MatchRSurvival()
    {
        var (times, events, treated) = Gbsg();
        KaplanMeier Group(int g) => KaplanMeier.Fit([.. times.Where((_, i) => treated[i] == g)], [.. events.Where((_, i) => treated[i] == g)]);

        var untreated = Group(0);

        // survfit medians 1528 (untreated) and 2018 (treated); S(1000) untreated 0.620876.
        Assert.Equal(1528, untreated.Median);
        Assert.Equal(2018, Group(1).Median);
        Assert.Equal(0.620876, untreated.At(1000), 5);
        Assert.Equal(440, untreated.Rows);
    }

    [Fact]
    public void KaplanMeier_NeverBelowHalf_HasNoMedian()
    {
        var sut = KaplanMeier.Fit([1, 2, 3, 4], [1, 0, 0, 0]);

        Assert.Null(sut.Median);
        Assert.Equal(0.75, sut.At(10), 12);
    }
}
