namespace FedChain.Learning.Training;

/// <summary>The local optimiser.</summary>
public enum ClientOptimizer
{
    Sgd,
    Adam,
}
