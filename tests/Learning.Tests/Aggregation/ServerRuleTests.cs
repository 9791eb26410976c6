using FedChain.Learning.Aggregation;

namespace FedChain.Learning.Tests.Aggregation;

public sealed class ServerRuleTests
{
    private static AggregatedUpdate Mean(float[] delta, float[]? control = null) => new(delta, control, 10, 2);

    [Fact]
    public void FedAvg_AddsServerLearningRateTimesMeanDelta()
    {
        var sut = ServerRule.For(new ServerSettings(ServerRuleKind.FedAvg, LearningRate: 0.5));

        var (global, state) = sut.Apply([1f, 2f], Mean([0.2f, -0.4f]), new ServerState(), 2);

        Assert.Equal([1.1f, 1.8f], global);
        Assert.Equal(1, state.RoundsApplied);
    }

    [Fact]
    public void FedAdam_FirstStep_MatchesHandComputation()
    {
        // m = 0.1 d, v = 0.001 d^2, step = lr * m / (sqrt(v) + tau) = 0.01 * 0.1 / sqrt(0.001) * sign(d).
        var sut = ServerRule.For(new ServerSettings(ServerRuleKind.FedAdam, LearningRate: 0.01, Tau: 0));

        var (global, state) = sut.Apply([0f, 0f], Mean([0.5f, -2f]), new ServerState(), 2);

        var step = 0.01 * 0.1 / Math.Sqrt(0.001);
        Assert.Equal(step, global[0], 1e-6);
        Assert.Equal(-step, global[1], 1e-6);
        Assert.Equal(0.05f, state.Momentum![0], 1e-7);
        Assert.Equal(0.001f * 4, state.SecondMoment![1], 1e-7);
    }

    [Fact]
    public void FedYogi_SecondMoment_MovesBySignOfVMinusDeltaSquared()
    {
        var sut = ServerRule.For(new ServerSettings(ServerRuleKind.FedYogi, Beta2: 0.9));
        var state = new ServerState(Momentum: [0f, 0f], SecondMoment: [1f, 0.01f]);

        var (_, next) = sut.Apply([0f, 0f], Mean([0.5f, 0.5f]), state, 2);

        // v > d^2 (1 > 0.25): v - 0.1 * 0.25; v < d^2 (0.01 < 0.25): v + 0.1 * 0.25.
        Assert.Equal(0.975f, next.SecondMoment![0], 1e-6);
        Assert.Equal(0.035f, next.SecondMoment![1], 1e-6);
    }

    [Fact]
    public void FedAdagrad_SecondMoment_Accumulates()
    {
        var sut = ServerRule.For(new ServerSettings(ServerRuleKind.FedAdagrad));
        var state = new ServerState(Momentum: [0f], SecondMoment: [0.5f]);

        var (_, next) = sut.Apply([0f], Mean([2f]), state, 2);

        Assert.Equal(4.5f, next.SecondMoment![0]);
    }

    [Fact]
    public void Scaffold_UpdatesControlByParticipantShareOfMeanControlDelta()
    {
        var sut = ServerRule.For(new ServerSettings(ServerRuleKind.Scaffold));

        var (global, state) = sut.Apply([1f], Mean([0.5f], [0.8f]), new ServerState(Control: [0.1f]), members: 4);

        Assert.Equal([1.5f], global);
        Assert.Equal(0.1f + 0.5f * 0.8f, state.Control![0], 1e-7); // 2 of 4 members took part
    }

    [Fact]
    public void Scaffold_WithoutControlDelta_Throws()
    {
        var sut = ServerRule.For(new ServerSettings(ServerRuleKind.Scaffold));

        Assert.Throws<ArgumentException>(() => sut.Apply([1f], Mean([0.5f]), new ServerState(), 2));
    }
}
