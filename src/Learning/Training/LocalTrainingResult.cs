namespace FedChain.Learning.Training;

/// <summary>The parameters after local training, how many steps ran, and their mean training loss.</summary>
public sealed record LocalTrainingResult(float[] Parameters, int Steps, double MeanLoss);
