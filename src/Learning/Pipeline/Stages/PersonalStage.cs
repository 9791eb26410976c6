using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Models;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;

namespace FedChain.Learning.Pipeline.Stages;

/// <summary>
/// Personal models (<see cref="PersonalisationSettings"/>): a member's side only. What a stage keeps
/// personal sits in <see cref="ClientState.Personal"/> and is never committed, so simulate and the
/// node keep it the same way and the shared parts reach the same bits.
/// </summary>
public abstract record PersonalStage(string Name, PersonalisationSettings Settings) : RoundStage(Name, RoundHook.PersonalHeads)
{
    public static PersonalStage For(PersonalisationSettings settings) => settings.Method switch
    {
        PersonalisationMethod.FedPer => new FedPerStage(settings),
        PersonalisationMethod.Ditto => new DittoStage(settings),
        _ => new FineTuneStage(settings),
    };

    public override string? Refusal(TrainingPlan plan)
    {
        if (plan.Architecture() is not NeuralModel) return $"personal models train by gradient steps, which a {plan.Model.Kind} model does not take";
        try
        {
            Settings.Validate();
            return null;
        }
        catch (ArgumentException e)
        {
            return e.Message;
        }
    }

    /// <summary>Where the member's local training of round r starts from.</summary>
    public virtual float[] TrainingStart(TrainingPlan plan, float[] global, ClientState state) => global;

    /// <summary>After local training from <paramref name="start"/>: what the member commits, and its new personal state.</summary>
    public virtual ClientUpdate AfterTraining(TrainingPlan plan, float[] global, float[] start, ClientUpdate update, SiteDataset train, int round) => update;

    /// <summary>The site's personal model once round <paramref name="round"/> gave <paramref name="global"/>; null when it has none (yet).</summary>
    public abstract float[]? Model(TrainingPlan plan, float[] global, ClientState state, SiteDataset train, int round);
}

/// <summary>
/// FedPer (Arivazhagan et al. 2019): each member trains the global body with its own head, commits
/// the body's delta only (the head's coordinates are zero in what it sends, also SCAFFOLD's control
/// part), and keeps the trained head. Its personal model is the latest global body with that head.
/// </summary>
public sealed record FedPerStage(PersonalisationSettings Settings) : PersonalStage("fedper", Settings)
{
    public override string? Refusal(TrainingPlan plan)
    {
        if (base.Refusal(plan) is { } own) return own;
        if (plan.Architecture().OutputLayer is not { } layer) return $"a {plan.Model.Kind} model does not end in a Linear layer, so it has no head to keep; FedPer takes linear models and MLPs";
        if (Settings.Head == PersonalHead.OutputLayer && layer.Weights + layer.Biases == plan.ParameterCount)
            return "the output layer of a linear model is the whole model, so nothing would be shared; use head bias, or an MLP";
        if (Settings.Head == PersonalHead.Bias && plan.Schema.Task.Kind == TaskKind.Survival)
            return "a Cox model's bias does not enter the partial likelihood, so a personal bias changes nothing";
        return null;
    }

    public override float[] TrainingStart(TrainingPlan plan, float[] global, ClientState state) =>
        state.Personal is { } head ? PersonalModels.WithHead(global, head, PersonalModels.Head(plan, Settings.Head)) : global;

    public override ClientUpdate AfterTraining(TrainingPlan plan, float[] global, float[] start, ClientUpdate update, SiteDataset train, int round)
    {
        var range = PersonalModels.Head(plan, Settings.Head);
        var (offset, length) = range.GetOffsetAndLength(plan.ParameterCount);
        var head = new float[length];
        for (var i = 0; i < length; i++) head[i] = (float)(start[offset + i] + (double)update.Vector[offset + i] / update.SampleCount);
        var shared = (float[])update.Vector.Clone();
        Array.Clear(shared, offset, length);
        if (plan.Server.UsesControlVariates) Array.Clear(shared, plan.ParameterCount + offset, length);
        return update with { Vector = shared, State = update.State with { Personal = head } };
    }

    public override float[]? Model(TrainingPlan plan, float[] global, ClientState state, SiteDataset train, int round) =>
        state.Personal is { } head ? PersonalModels.WithHead(global, head, PersonalModels.Head(plan, Settings.Head)) : null;
}

/// <summary>
/// Ditto (Li et al. 2021, Alg. 1): beside its global update, each member trains its personal model v
/// (from the plan's initial model) on its rows with lambda/2 ||v - w||^2 towards the round's global w.
/// </summary>
public sealed record DittoStage(PersonalisationSettings Settings) : PersonalStage("ditto", Settings)
{
    public override ClientUpdate AfterTraining(TrainingPlan plan, float[] global, float[] start, ClientUpdate update, SiteDataset train, int round)
    {
        var personal = PersonalModels.Train(plan, Settings, update.State.Personal ?? plan.InitialParameters(), global, train, round, "ditto");
        return update with { State = update.State with { Personal = personal } };
    }

    public override float[]? Model(TrainingPlan plan, float[] global, ClientState state, SiteDataset train, int round) => state.Personal;
}

/// <summary>Local fine-tuning: after the last round, the released global model trained further on the site's rows.</summary>
public sealed record FineTuneStage(PersonalisationSettings Settings) : PersonalStage("fine-tune", Settings)
{
    public override float[]? Model(TrainingPlan plan, float[] global, ClientState state, SiteDataset train, int round) =>
        round < plan.Rounds ? null : PersonalModels.Train(plan, Settings, global, null, train, round, "fine-tune");
}
