using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>
/// How a simulated site produces its update. Honest sites use <see cref="ClientStep.Run"/>; issue 8
/// plugs misbehaving sites (free riders, noise, label flips) in here.
/// </summary>
public delegate ClientUpdate SiteClient(TrainingPlan plan, float[] globalParameters, float[]? globalControl, SiteDataset train, int round, ClientState state);
