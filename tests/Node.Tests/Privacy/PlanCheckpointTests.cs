using FedChain.Learning.Privacy.Accounting;
using FedChain.Node.Agent;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Privacy;

public sealed class PlanCheckpointTests
{
    [Fact]
    public void Save_ThenLoad_KeepsThePrivacySpentHistory()
    {
        using var dir = new TempDirectory();
        var file = dir.File("plans/1/checkpoint.json");
        var saved = new PlanCheckpoint(2, null, null, [new SampledGaussianSteps(0.0497, 1.2345678901234567, 200), new SampledGaussianSteps(0.1, 2, 5)]);

        saved.Save(file);
        var loaded = PlanCheckpoint.Load(file);

        Assert.NotNull(loaded);
        Assert.Equal(2, loaded.Round);
        Assert.Equal(saved.PrivacySpent, loaded.PrivacySpent);
    }

    [Fact]
    public void Load_ACheckpointWrittenBeforePrivacy_HasNoSpend()
    {
        using var dir = new TempDirectory();
        var file = dir.File("checkpoint.json");
        File.WriteAllText(file, """{"Round":1,"ControlBefore":null,"ControlAfter":[0.5]}""");

        var loaded = PlanCheckpoint.Load(file);

        Assert.Null(loaded!.PrivacySpent);
        Assert.Equal([0.5f], loaded.ControlAfter!);
    }
}
