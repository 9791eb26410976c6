using FedChain.Learning.Plans;
using FedChain.Node.Demo;
using FedChain.Node.Privacy;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.Privacy;

/// <summary>
/// The run <see cref="NodePrivacyTests"/> read: a DP plan of 3 rounds at epsilon 3 whose on-chain
/// per-member budget covers only 2 of them (at the ledger's charge per round), then the audit.
/// </summary>
public sealed class PrivateConsortiumRun() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(PlanOf)
    .WithEpsilonCap(Cap))
{
    public const int Rounds = 3;
    public const int AffordableRounds = 2;

    /// <summary>The chain's per-member epsilon cap: what the ledger charges for <see cref="AffordableRounds"/> training rounds.</summary>
    public ulong CapMicro => Cap(Plan);

    private static TrainingPlan PlanOf(FedChain.Node.Datasets.ConsortiumDataset data)
    {
        var plain = DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42);
        return DemoPlan.WithPrivacy(plain, epsilon: 3, delta: 1e-5, DemoPlan.TrainRows(plain, data));
    }

    private static ulong Cap(TrainingPlan plan) => (ulong)PrivacySchedule.PerRoundMicro(plan) * AffordableRounds;
}
