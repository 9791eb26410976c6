namespace FedChain.Node.Agent.Misbehaviour;

/// <summary>
/// Test-only: how a node misbehaves on purpose (node.json <c>"misbehaviour"</c>), so end-to-end tests can show
/// what the consortium does with a dishonest member. Never set it on a real node.
/// </summary>
/// <param name="WithholdRound">Commits round N's hash but never publishes the blob (the others vote it out).</param>
/// <param name="Noisy">Trains honestly, then sends a Gaussian direction of the honest update's norm, as <c>simulate --noisy</c>.</param>
/// <param name="WithholdShardsRound">In a sharded plan: commits round N's shard list but never publishes the shards (no keeper holds them, so everyone ballots it and the quorum votes it out).</param>
/// <param name="ClaimsZeroEpsilon">Acts as if the chain had charged it nothing: it never stops for the chain's privacy budget (the ledger charges and refuses it anyway).</param>
/// <param name="MalformedShardsRound">In a sharded plan: publishes and commits round N's shards each one word short (their keepers refuse them, so everyone ballots it).</param>
/// <param name="FalseHoldingsRound">In a sharded plan: says it holds every part it keeps of round N's commits, pulling none (a keeper whose word is false).</param>
public sealed record NodeMisbehaviour(int? WithholdRound = null, bool Noisy = false, bool ClaimsZeroEpsilon = false, int? WithholdShardsRound = null, int? MalformedShardsRound = null, int? FalseHoldingsRound = null);
