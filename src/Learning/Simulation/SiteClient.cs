using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>
/// How a simulated site produces its update. Honest sites use <see cref="ClientStep.RunSimulated"/>; the
/// misbehaving sites (free riders, noise, label flips) in here. A site that trains should call
/// <see cref="ClientStep.RunSimulated"/> too, so that a plan with DP keeps its seeded, repeatable noise.
/// </summary>
public delegate ClientUpdate SiteClient(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state);
