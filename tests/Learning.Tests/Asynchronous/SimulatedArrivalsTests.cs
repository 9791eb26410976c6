using FedChain.Learning.Asynchronous;

namespace FedChain.Learning.Tests.Asynchronous;

public sealed class SimulatedArrivalsTests
{
    private static readonly string[] Sites = ["a", "b", "c", "d"];

    [Fact]
    public void Schedule_WithABufferOfEverySite_AndEqualTimes_IsTheSynchronousOne()
    {
        var sut = SimulatedArrivals.Schedule(Sites, [1, 1, 1, 1], 5, new AsynchronousSettings(BufferSize: 4));

        Assert.Equal(ArrivalSchedule.Synchronous(Sites, 5).Windows.Select(w => w.ToList()), sut.Windows.Select(w => w.ToList()));
    }

    [Fact]
    public void Schedule_WithASlowSite_ClosesWindowsOnTheFastOnes_AndLandsTheSlowOneStale()
    {
        var sut = SimulatedArrivals.Schedule(Sites, SimulatedArrivals.TrainingTimes(Sites, "d", 10), 30, new AsynchronousSettings(BufferSize: 3));

        Assert.All(sut.Windows, w => Assert.Equal(3, w.Count));
        var slow = sut.Windows.SelectMany((w, i) => w.Where(a => a.Site == "d").Select(a => a.Staleness(i + 1))).ToList();
        Assert.InRange(slow.Count, 2, 4);
        Assert.All(slow.Skip(1), s => Assert.InRange(s, 5, 10));
        sut.Validate(Sites, 30, 32);
    }

    [Fact]
    public void Schedule_DropsUpdatesStalerThanAllowed_AndTheSiteTrainsAgainFromTheNewest()
    {
        var sut = SimulatedArrivals.Schedule(Sites, SimulatedArrivals.TrainingTimes(Sites, "d", 10), 30, new AsynchronousSettings(BufferSize: 3, MaxStaleness: 2));

        Assert.All(sut.Windows.Select((w, i) => (w, i + 1)), x => Assert.All(x.w, a => Assert.InRange(a.Staleness(x.Item2), 0, 2)));
        Assert.DoesNotContain(sut.Windows.SelectMany(w => w), a => a.Site == "d");
    }

    [Fact]
    public void Validate_RefusesASiteTwiceInAWindow_OrAnUpdateFromTheFuture_WithTheWindow()
    {
        var twice = new ArrivalSchedule([[new Arrival("a", 1), new Arrival("a", 1)]]);
        var future = new ArrivalSchedule([[new Arrival("a", 2)]]);

        Assert.Contains("window 1: site 'a' arrives twice", Assert.Throws<ArgumentException>(() => twice.Validate(Sites, 1, 4)).Message);
        Assert.Contains("staleness -1", Assert.Throws<ArgumentException>(() => future.Validate(Sites, 1, 4)).Message);
    }
}
