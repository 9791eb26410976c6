using FedChain.Learning.Data.Splits;
using FedChain.Learning.Training;

namespace FedChain.Learning.Simulation;

/// <summary>A site in a one-process simulation: its normalised split and how it computes updates.</summary>
public sealed record SimulatedSite(SiteSplit Data, SiteClient? Client = null)
{
    public string Name => Data.Train.Site;

    public SiteClient ClientOrHonest => Client ?? ClientStep.RunSimulated;
}
