using FedChain.Learning.Training;

namespace FedChain.Learning.Personalisation;

/// <summary>
/// Personal models beside the global one. What is personal never leaves its site: only the shared
/// part of each update is committed. A plan without this section trains the global model only.
/// </summary>
/// <param name="Method">Which personalisation.</param>
/// <param name="Head">FedPer: which parameters stay at each site.</param>
/// <param name="Lambda">Ditto: the proximal weight pulling the personal model towards the global one.</param>
/// <param name="Local">Ditto's personal steps each round, and fine-tuning's steps after the last round; null: the plan's client options.</param>
public sealed record PersonalisationSettings(
    PersonalisationMethod Method = PersonalisationMethod.FineTune,
    PersonalHead Head = PersonalHead.Bias,
    double Lambda = 0.1,
    LocalTrainingOptions? Local = null)
{
    public PersonalisationSettings Validate()
    {
        if (!(Lambda >= 0) || !double.IsFinite(Lambda)) throw new ArgumentException($"personalisation lambda must be a number >= 0, got {Lambda}");
        Local?.Validate();
        return this;
    }
}
