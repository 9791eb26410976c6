using FedChain.Contracts.Events;
using FedChain.Node.Demo;
using FedChain.Node.Tests.EndToEnd;

namespace FedChain.Node.Tests.Contributions;

/// <summary>
/// The run <see cref="ScoredPlanTests"/> read: the demo plan (exact Shapley over 1 - Brier) for three
/// rounds. Tests read what it left: the chain's events, the exported blobs and each node's scores.json.
/// </summary>
public sealed class ScoredPlanFixture() : ConsortiumRun(new ConsortiumRunBuilder()
    .WithPlan(data => DemoPlan.HeartDisease(data.Schema, Rounds, seed: 42))
    .WithWindows(commitSeconds: 30, enrolmentSeconds: 300))
{
    public const int Rounds = 3;

    public LedgerState State => Ledger;
}
