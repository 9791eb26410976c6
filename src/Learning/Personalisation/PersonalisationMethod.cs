namespace FedChain.Learning.Personalisation;

/// <summary>How each site gets a model of its own beside the global one (docs/learning.md, "Personalisation and transfer").</summary>
public enum PersonalisationMethod
{
    /// <summary>A shared body and a head per site that never leaves it (FedPer, Arivazhagan et al. 2019): the head's coordinates are not shared.</summary>
    FedPer,

    /// <summary>A personal model per site, trained each round towards the global one with a proximal term (Ditto, Li et al. 2021).</summary>
    Ditto,

    /// <summary>The final global model trained further on the site's own rows.</summary>
    FineTune,
}
