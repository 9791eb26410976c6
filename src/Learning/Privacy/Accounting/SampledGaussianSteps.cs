namespace FedChain.Learning.Privacy.Accounting;

/// <summary>
/// A run of <paramref name="Steps"/> sampled Gaussian steps with one sample rate and noise multiplier:
/// the unit the accountant composes, and what a node persists to rebuild its accountant.
/// </summary>
public sealed record SampledGaussianSteps(double SampleRate, double NoiseMultiplier, long Steps);
