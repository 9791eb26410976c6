using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.DpSgd;
using FedChain.Learning.Training;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>A member's local training: the one stage that turns the global model and its rows into an update.</summary>
public abstract record TrainingStage(string Name, RoundHook Hook) : RoundStage(Name, Hook)
{
    /// <param name="noise">DP-SGD's randomness: null in a node (the OS CSPRNG), seeded in a simulation.</param>
    public ClientUpdate Train(TrainingPlan plan, float[] global, float[]? control, SiteDataset train, int round, ClientState state, NoiseSource? noise) =>
        ClientStep.Run(plan, global, control, train, round, state, noise);
}

/// <summary>Plain local training: the plan's optimiser for its local steps or epochs (FedProx's term included).</summary>
public sealed record LocalTrainingStage() : TrainingStage("local-training", RoundHook.LocalTraining);

/// <summary>DP-SGD under each member's budget (Abadi et al. 2016): per-record clipping, Gaussian noise, the RDP accountant.</summary>
public sealed record DpSgdStage() : TrainingStage("dp-sgd", RoundHook.ClippingAndNoise)
{
    public override string? Refusal(TrainingPlan plan)
    {
        try
        {
            MemberDpSgd.LossFor(plan);
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }
}
