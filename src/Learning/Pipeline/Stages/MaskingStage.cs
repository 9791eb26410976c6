using FedChain.Learning.Plans;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// Secure aggregation (Bonawitz et al. 2017): members mask their fixed-point updates in Z_2^32 and
/// only the survivors' sum is ever unmasked. The masks cancel exactly in the sum, so the stages after
/// it see the same sum bits as a plain round, and no individual update. The node runs the key
/// exchange, masking and unmasking (Node/SecureRounds); a simulation applies the sum directly.
/// </summary>
public sealed record MaskingStage() : RoundStage("secure-aggregation", RoundHook.Masking)
{
    public override RoundView Needs => RoundView.AdditiveCommits;

    public override RoundView Hides => RoundView.IndividualUpdates;

    public override string? Refusal(TrainingPlan plan) =>
        plan.Rounds < 1 ? "a secure-aggregation plan needs at least one training round" : null;
}
