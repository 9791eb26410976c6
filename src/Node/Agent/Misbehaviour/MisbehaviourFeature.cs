using FedChain.Learning.Simulation;
using FedChain.Learning.Training;

namespace FedChain.Node.Agent.Misbehaviour;

/// <summary>
/// Test-only misbehaviour at the round loop's hooks (<see cref="NodeMisbehaviour"/>): added first, so its
/// training wrapper sees the update every other feature produced (after DP) and replaces it. The privacy
/// feature reads <see cref="NodeMisbehaviour.ClaimsZeroEpsilon"/> itself.
/// </summary>
public sealed class MisbehaviourFeature(PlanRun run) : PlanFeature(run)
{
    private NodeMisbehaviour Misbehaviour => Run.Node.Config.Misbehaviour!;

    public override bool Publishes(int round) => Misbehaviour.WithholdRound != round;

    public override ClientUpdate? Train(int round, ClientState state, Func<ClientUpdate?> train)
    {
        var update = train();
        return update is not null && Misbehaviour.Noisy ? MisbehavingSites.AsNoise(Run.Plan, update, round, Run.Site.Name) : update;
    }
}
