using FedChain.Learning.Survival;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Survival;

public sealed class TreatmentTuningTests
{
    [Fact]
    public void Benchmark_TuningRecord_DoesNotDependOnTheTestRows()
    {
        // A small protocol (two candidates per family, two rounds) run twice: on the real cohorts, and with every
        // test row's follow-up time scrambled. The split depends on the events only, so the test rows stay the
        // same; tuning, which receives training rows only, gives the same record, while test C-indices move.
        var full = TreatmentProtocol.RotterdamGbsg();
        var protocol = full with
        {
            Families = [.. full.Families.GroupBy(f => f.Name).SelectMany(g => g.Take(2)).Select(f => f with { Rounds = 2, Client = f.Client with { LocalSteps = 3 } })],
        };
        var cohorts = BreastCancerSites.Load(Datasets.Folder("breast-cancer-rotterdam-gbsg"));
        var scrambled = cohorts with { Sites = [.. cohorts.Sites.Select(s => Scramble(s, TreatmentBenchmark.Split(protocol, s, TreatmentProtocol.Seeds[0]).TestRows))] };

        var real = TreatmentBenchmark.Run(protocol, cohorts, 1, TimeProvider.System);
        var changed = TreatmentBenchmark.Run(protocol, scrambled, 1, TimeProvider.System);

        Assert.Equal(real.Tuning.Select(t => (t.Method, t.Chosen)), changed.Tuning.Select(t => (t.Method, t.Chosen)));
        Assert.Equal(real.Tuning.SelectMany(t => t.Candidates.Values), changed.Tuning.SelectMany(t => t.Candidates.Values));
        Assert.NotEqual(real.Methods["federated_cox"].GbsgTest, changed.Methods["federated_cox"].GbsgTest);
    }

    private static CohortSite Scramble(CohortSite site, int[] testRows)
    {
        var times = (float[])site.Data.Times!.Clone();
        var random = new Random(5);
        foreach (var row in testRows) times[row] = 1 + (float)(random.NextDouble() * 5000);
        return site with { Data = site.Data with { Times = times } };
    }
}
