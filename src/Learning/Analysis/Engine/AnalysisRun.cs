using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Data;
using FedChain.Learning.Privacy.DpSgd;
using FedChain.Learning.Randomness;

namespace FedChain.Learning.Analysis.Engine;

/// <summary>
/// Runs a plan with every site in one process, through the same session, ring and sums a network
/// of nodes uses: <c>fedchain analyse</c>, as <c>fedchain simulate</c> does for training.
/// </summary>
public static class AnalysisRun
{
    /// <param name="noise">Each site's noise source for DP releases (seeded in a simulation).</param>
    /// <param name="progress">Told after each round: rounds done and analyses finished.</param>
    public static AnalysisOutcome Run(AnalysisPlan plan, IReadOnlyList<SiteTable> sites, Func<string, NoiseSource> noise, IProgress<(int Round, int Finished)>? progress = null)
    {
        var session = AnalysisSession.Start(plan, sites.Select(s => s.Site));
        var inputs = sites.ToDictionary(s => s.Site, s => new SiteInput(s, noise(s.Site)), StringComparer.Ordinal);
        var shared = new List<SharedBlock>();
        var maxRounds = session.MaxRounds;
        while (!session.Finished)
        {
            if (session.Round >= maxRounds) throw new InvalidOperationException($"the plan ran past its {maxRounds} rounds");
            shared.AddRange(session.NextShared);
            var sum = new ulong[session.VectorLength];
            foreach (var site in session.Sites) FixedPointRing.AddInto(sum, session.Contribute(site, inputs[site]));
            session = session.Advance(sum);
            progress?.Report((session.Round, session.States.Count(s => s.Finished)));
        }

        return session.Outcome(shared);
    }

    /// <summary>Simulated sites' DP noise, seeded from the plan seed per site: reproducible, so for simulations only (a node draws from a secret).</summary>
    public static Func<string, NoiseSource> SimulatedNoise(AnalysisPlan plan) => site => new SeededNoiseSource(DerivedSeed.Of(plan.Seed, "analysis-noise", 0, site));
}
