using FedChain.Learning.Data;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.DpSgd;
using FedChain.Learning.Randomness;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>
/// Misbehaving sites for contribution tests. Each holds an average-sized draw of the honest sites' rows (a seeded
/// sample, without replacement, of the pooled normalised train rows, and likewise of the test rows,
/// sized to the honest sites' mean), so it commits a plausible sample count and evaluates honestly on
/// real rows; only its update misbehaves.
/// </summary>
public static class MisbehavingSites
{
    /// <summary>The honest sites followed by the misbehaving ones, named free-rider-1, noisy-1, label-flip-1, ...</summary>
    /// <param name="honest">The honest sites' splits, already normalised.</param>
    public static IReadOnlyList<SimulatedSite> Add(IReadOnlyList<SiteSplit> honest, MisbehaviourCounts counts, long seed)
    {
        counts.Validate();
        if (honest.Count == 0) throw new ArgumentException("misbehaving sites draw their rows from the honest ones; there are none", nameof(honest));
        var sites = honest.Select(s => new SimulatedSite(s)).ToList();
        var pooledTrain = SiteDataset.Concat("pooled", [.. honest.Select(s => s.Train)]);
        var pooledTest = SiteDataset.Concat("pooled", [.. honest.Select(s => s.Test)]);
        var trainRows = (int)Math.Round(honest.Average(s => s.Train.Count));
        var testRows = (int)Math.Round(honest.Average(s => s.Test.Count));

        SiteSplit Draw(string name) => new(
            Sample(pooledTrain, trainRows, DerivedSeed.Random(seed, "misbehaving-train-rows", 0, name)) with { Site = name },
            Sample(pooledTest, testRows, DerivedSeed.Random(seed, "misbehaving-test-rows", 0, name)) with { Site = name });

        for (var k = 1; k <= counts.FreeRiders; k++) sites.Add(new SimulatedSite(Draw($"free-rider-{k}"), FreeRider, SiteBehaviour.FreeRider));
        for (var k = 1; k <= counts.NoiseSenders; k++) sites.Add(new SimulatedSite(Draw($"noisy-{k}"), NoiseSender, SiteBehaviour.NoiseSender));
        for (var k = 1; k <= counts.LabelFlippers; k++)
        {
            var split = Draw($"label-flip-{k}");
            // The flipped rows are its training data; it evaluates utilities on its true test labels.
            sites.Add(new SimulatedSite(split with { Train = FlipOutcome(split.Train) }, null, SiteBehaviour.LabelFlipper));
        }

        return sites;
    }

    /// <summary>Commits its row count and an all-zero update.</summary>
    public static ClientUpdate FreeRider(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state) =>
        new(new float[plan.UpdateLength], train.Count, state, double.NaN);

    /// <summary>
    /// Trains as an honest site would, then sends a Gaussian direction (seeded from the plan, round and
    /// site) scaled to that honest update's L2 norm: noise of comparable size.
    /// </summary>
    public static ClientUpdate NoiseSender(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state) =>
        AsNoise(plan, ClientStep.Run(plan, globalParameters, globalControl, train, round, state), round, train.Site);

    /// <summary>
    /// <paramref name="honest"/>'s update replaced by a Gaussian direction seeded from the plan, round and
    /// site, scaled to the honest update's L2 norm (what a noise sender sends, in simulate and in a node's
    /// test-only misbehaviour alike).
    /// </summary>
    public static ClientUpdate AsNoise(TrainingPlan plan, ClientUpdate honest, int round, string site)
    {
        var norm = Math.Sqrt(honest.Vector.Sum(v => (double)v * v));
        var noise = new float[honest.Vector.Length];
        new SeededNoiseSource(DerivedSeed.Of(plan.Seed, "noise-sender", round, site)).FillGaussian(noise, 1);
        var scale = norm / Math.Sqrt(noise.Sum(v => (double)v * v));
        for (var i = 0; i < noise.Length; i++) noise[i] = (float)(noise[i] * scale);
        return honest with { Vector = noise };
    }

    /// <summary>Trains as an honest site would and sends that update multiplied by <paramref name="factor"/> (x10: boosted; -1: sign-flipped).</summary>
    public static SiteClient Scaled(double factor) => (plan, globalParameters, globalControl, train, round, state) =>
    {
        var honest = ClientStep.RunSimulated(plan, globalParameters, globalControl, train, round, state);
        return honest with { Vector = [.. honest.Vector.Select(v => (float)(v * factor))] };
    };

    /// <summary>The rows with the outcome flipped: label 1 - y, or for survival the event indicator 1 - e.</summary>
    public static SiteDataset FlipOutcome(SiteDataset data) => data with
    {
        Labels = data.Labels?.Select(y => 1 - y).ToArray(),
        Events = data.Events?.Select(e => 1 - e).ToArray(),
    };

    private static SiteDataset Sample(SiteDataset pooled, int rows, Random random)
    {
        var order = Enumerable.Range(0, pooled.Count).ToArray();
        random.Shuffle(order);
        var picked = order[..Math.Min(rows, order.Length)];
        Array.Sort(picked);
        return pooled.Subset(picked);
    }
}
