using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Learning.Privacy.DpSgd;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>The session is what a node runs: round by round, pure, order-free, within the plan's schedule.</summary>
public sealed class AnalysisSessionTests
{
    private static readonly AnalysisPlan Plan = AnalysisFixtures.Plan("heart-disease");
    private static readonly IReadOnlyList<FedChain.Learning.Data.SiteTable> Sites = AnalysisFixtures.Tables("heart-disease");

    [Fact]
    public void Run_SitesSummedInAnyOrder_GiveTheSameResultsBitForBit()
    {
        var forward = Drive(Sites.Select(s => s.Site).ToArray());
        var backward = Drive(Sites.Select(s => s.Site).Reverse().ToArray());

        Assert.Equal(AnalysisJson.Serialize(forward.Results), AnalysisJson.Serialize(backward.Results));
    }

    [Fact]
    public void Run_IterativeFits_FinishBeforeThePlansMaximum()
    {
        var outcome = AnalysisFixtures.Heart;

        Assert.Equal(Plan.MaxRounds(outcome.Sites), outcome.MaxRounds);
        Assert.Equal(26, outcome.MaxRounds);
        Assert.True(outcome.Rounds < outcome.MaxRounds);
        Assert.Equal(outcome.Results.Max(r => r.Steps), outcome.Rounds);
        Assert.Equal(1, outcome.Result<TableResult>("table1").Steps);
    }

    [Fact]
    public void Shared_NamesEveryBlockAndWhetherSitesWereSeen()
    {
        var shared = AnalysisFixtures.Heart.Shared;

        Assert.Contains(shared, b => b is { Analysis: "table1", Release: Release.PerSite, Round: 1 });
        Assert.All(shared.Where(b => b.Analysis == "logistic"), b => Assert.Equal(Release.Pooled, b.Release));
        Assert.Equal(1, shared.Count(b => b.Analysis == "(session)"));
    }

    [Fact]
    public void Contribute_SiteNotInTheRoster_IsRefused()
    {
        var session = AnalysisSession.Start(Plan, Sites.Select(s => s.Site));

        var error = Assert.Throws<ArgumentException>(() => session.Contribute("mallory", new SiteInput(Sites[0], new SeededNoiseSource(1))));

        Assert.Contains("'mallory' is not in the roster", error.Message);
    }

    [Fact]
    public void Advance_MoreRowsThanThePlanBound_ThrowsRingOverflow()
    {
        var plan = Plan with { MaxRows = 500 };

        var error = Assert.Throws<RingOverflowException>(() => AnalysisFixtures.Run(plan, Sites));

        Assert.Contains("920", error.Message);
        Assert.Contains("maxRows 500", error.Message);
    }

    /// <summary>Each round: contributions summed in <paramref name="order"/>, as nodes would receive them.</summary>
    private static AnalysisSession Drive(IReadOnlyList<string> order)
    {
        var session = AnalysisSession.Start(Plan, order);
        var inputs = Sites.ToDictionary(s => s.Site, s => new SiteInput(s, new SeededNoiseSource(1)));
        while (!session.Finished)
        {
            var sum = new ulong[session.VectorLength];
            foreach (var site in order) FixedPointRing.AddInto(sum, session.Contribute(site, inputs[site]));
            session = session.Advance(sum);
        }

        return session;
    }
}
