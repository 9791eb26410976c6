using FedChain.Learning.Data.Splits;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>A site in a one-process simulation: its normalised split, how it computes updates, and (for reports) how it behaves.</summary>
public sealed record SimulatedSite(SiteSplit Data, SiteClient? Client = null, SiteBehaviour Behaviour = SiteBehaviour.Honest)
{
    public string Name => Data.Train.Site;

    public SiteClient ClientOrHonest => Client ?? ClientStep.RunSimulated;
}
