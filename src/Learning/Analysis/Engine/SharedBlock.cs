namespace FedChain.Learning.Analysis.Engine;

/// <summary>A record of one block sites sent in one round: what it held, at what scale, and whether each site's values were seen.</summary>
public sealed record SharedBlock(int Round, string Analysis, string Block, Release Release, int SlotsPerSite, int FractionBits);
