using FedChain.Learning.Plans;
using FedChain.Node.Agent.Misbehaviour;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;
using FedChain.Node.Privacy;

namespace FedChain.Node.Tests.EndToEnd;

/// <summary>
/// The run <see cref="DishonestMembersTests"/> read: four hospitals in node processes, three of them dishonest
/// on purpose (test-only <c>misbehaviour</c>), three plans started together.
/// <list type="bullet">
/// <item>cleveland claims zero epsilon (it never stops for the chain's privacy budget); hungary is honest;
/// switzerland sends noise; va withholds its round-2 blob (commits the hash, never publishes it).</item>
/// <item>Plan A (<see cref="Scored"/>): the demo plan, scored with exact Shapley, 3 rounds.</item>
/// <item>Plan B (<see cref="Private"/>): DP, 3 rounds, the chain's per-member budget covering 2 of them.</item>
/// <item>Plan C (<see cref="TooCostly"/>): DP, 3 rounds, more than the lifetime budget governance set on the
/// dataset (exactly plan B's cost) allows, so every node refuses it before opting in.</item>
/// </list>
/// </summary>
public sealed class DishonestMembersRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42))
    .WithPlan(data => Dp(data, PrivateSeed))
    .WithPlan(data => Dp(data, TooCostlySeed))
    .WithEpsilonCap(plan => plan.Seed == PrivateSeed ? (ulong)PrivacySchedule.PerRoundMicro(plan) * AffordableRounds : PrivacySchedule.BudgetMicro(plan))
    .WithLifetimeBudget(plans => (ulong)PrivacySchedule.PerRoundMicro(plans[Private]) * AffordableRounds)
    .WithMisbehaviour(ZeroEpsilon, new NodeMisbehaviour(ClaimsZeroEpsilon: true))
    .WithMisbehaviour(Noisy, new NodeMisbehaviour(Noisy: true))
    .WithMisbehaviour(Withholder, new NodeMisbehaviour(WithholdRound: WithheldRound))
    .ExpectingEveryNodeToRefusePlan(TooCostly)
    .WithWindows(commitSeconds: 40, enrolmentSeconds: 120)
    .WithTimeout(TimeSpan.FromMinutes(9)))
{
    public const int Rounds = 3;
    public const int AffordableRounds = 2;
    public const int WithheldRound = 2;
    public const long PrivateSeed = 43, TooCostlySeed = 44;

    /// <summary>Plan indexes.</summary>
    public const int Scored = 0, Private = 1, TooCostly = 2;

    /// <summary>Member indexes (the heart-disease sites in order: cleveland, hungary, switzerland, va).</summary>
    public const int ZeroEpsilon = 0, Honest = 1, Noisy = 2, Withholder = 3;

    private static TrainingPlan Dp(ConsortiumDataset data, long seed)
    {
        var plain = DemoPlan.HeartDisease(data.Schema, Rounds, seed) with { Contribution = null };
        return DemoPlan.WithPrivacy(plain, epsilon: 3, delta: 1e-5, DemoPlan.TrainRows(plain, data));
    }
}
