using FedChain.Learning.Data;
using FedChain.Learning.Privacy.DpSgd;

namespace FedChain.Learning.Analysis.Engine;

/// <summary>What a site computes its statistics from: its own rows, and its own secret noise for DP releases.</summary>
/// <param name="Table">The site's harmonised rows (only this site holds them).</param>
/// <param name="Noise">The site's noise source: unpredictable to peers on a node, seeded in simulations.</param>
public sealed record SiteInput(SiteTable Table, NoiseSource Noise);
