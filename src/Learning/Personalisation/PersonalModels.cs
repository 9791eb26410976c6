using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Randomness;
using FedChain.Learning.Training;

namespace FedChain.Learning.Personalisation;

/// <summary>The personal models' arithmetic, shared by simulate and the node.</summary>
public static class PersonalModels
{
    /// <summary>Where FedPer's head sits in the flat vector: the last coordinates (the output layer ends the vector).</summary>
    public static Range Head(TrainingPlan plan, PersonalHead head)
    {
        var model = plan.Architecture();
        var layer = model.OutputLayer ?? throw new ArgumentException($"a {plan.Model.Kind} model does not end in a Linear layer, so it has no head to keep", nameof(plan));
        var length = head == PersonalHead.Bias ? layer.Biases : layer.Weights + layer.Biases;
        return new Range(model.ParameterCount - length, model.ParameterCount);
    }

    /// <summary>The global model with the site's own head in place of the global one.</summary>
    public static float[] WithHead(float[] global, float[] head, Range range)
    {
        var model = (float[])global.Clone();
        head.CopyTo(model.AsSpan(range));
        return model;
    }

    /// <summary>Trains <paramref name="start"/> on the site's rows with the settings' local options (the plan's when none), optionally pulled towards <paramref name="anchor"/>.</summary>
    public static float[] Train(TrainingPlan plan, PersonalisationSettings settings, float[] start, float[]? anchor, SiteDataset train, int round, string purpose)
    {
        var options = settings.Local ?? plan.Client;
        if (anchor is not null) options = options with { ProximalMu = settings.Lambda };
        return LocalTrainer.Train(plan.Architecture(), plan.Schema.Task.Kind, start, train, options,
            DerivedSeed.Random(plan.Seed, purpose, round, train.Site), proximalAnchor: anchor).Parameters;
    }
}
