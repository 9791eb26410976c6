namespace FedChain.Learning.Training;

/// <summary>How a site trains locally in one round (or in a whole baseline run).</summary>
/// <param name="Optimizer">SGD or Adam; its state starts fresh every round.</param>
/// <param name="LearningRate">The local learning rate.</param>
/// <param name="LocalSteps">Mini-batch steps per round; used when <paramref name="LocalEpochs"/> is 0.</param>
/// <param name="LocalEpochs">When above 0, train this many passes over the data instead of a fixed step count.</param>
/// <param name="BatchSize">Rows per step; 0 (or more than the site has) means the full batch.</param>
/// <param name="ProximalMu">FedProx: adds mu/2 * ||w - w_global||^2 to the local loss (Li et al. 2020, eq. 2); 0 turns it off.</param>
/// <param name="WeightDecay">Adds decay/2 * ||w||^2 to the local loss (DeepSurv's L2 penalty, Katzman et al. 2018); null or 0 turns it off.</param>
public sealed record LocalTrainingOptions(
    ClientOptimizer Optimizer = ClientOptimizer.Sgd,
    double LearningRate = 0.01,
    int LocalSteps = 100,
    int LocalEpochs = 0,
    int BatchSize = 4,
    double ProximalMu = 0,
    double? WeightDecay = null)
{
    /// <summary>Throws with the field's name when a value cannot work.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0) || !double.IsFinite(LearningRate)) throw new ArgumentException($"client learningRate must be a positive number, got {LearningRate}");
        if (LocalSteps <= 0 && LocalEpochs <= 0) throw new ArgumentException("client localSteps or localEpochs must be above 0");
        if (LocalSteps < 0 || LocalEpochs < 0) throw new ArgumentException("client localSteps and localEpochs cannot be negative");
        if (BatchSize < 0) throw new ArgumentException($"client batchSize cannot be negative, got {BatchSize}");
        if (ProximalMu < 0 || !double.IsFinite(ProximalMu)) throw new ArgumentException($"client proximalMu must be >= 0, got {ProximalMu}");
        if (WeightDecay is { } decay && (decay < 0 || !double.IsFinite(decay))) throw new ArgumentException($"client weightDecay must be >= 0, got {decay}");
    }
}
