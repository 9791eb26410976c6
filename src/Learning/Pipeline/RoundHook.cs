namespace FedChain.Learning.Pipeline;

/// <summary>
/// The fixed, named points of a round where a stage attaches, in the order a round passes them
/// (docs/learning.md, "The round pipeline"). A feature adds a stage at its hook; nothing else in the
/// loop changes. Hooks with no stage today are kept so the features planned for them slot in.
/// </summary>
public enum RoundHook
{
    /// <summary>The member trains the global model on its rows (plain SGD/Adam/FedProx).</summary>
    LocalTraining,

    /// <summary>DP-SGD: per-record clipping and Gaussian noise under the member's budget (replaces plain training).</summary>
    ClippingAndNoise,

    /// <summary>Lossy compression of the update (none today: 8/4-bit, random-k, top-k slot in here).</summary>
    Compression,

    /// <summary>Fixed-point integers with seeded stochastic rounding, so sums are exact mod 2^32.</summary>
    Quantisation,

    /// <summary>Pairwise and self masks in Z_2^32 (Bonawitz et al. 2017); hides every individual update.</summary>
    Masking,

    /// <summary>Node only: the signed blob is published and its hash committed on-chain.</summary>
    PublishAndCommit,

    /// <summary>Node only: committed blobs are fetched and checked; the chain's commit set is the participant set.</summary>
    Collection,

    /// <summary>Secure aggregation: the survivors' answers remove the masks from the sum.</summary>
    Unmasking,

    /// <summary>The server rule over the round's sum (FedAvg, FedOpt, SCAFFOLD), or a robust rule over the individual updates.</summary>
    ServerRule,

    /// <summary>Per-site heads that never leave the site (none today: FedPer, Ditto slot in here).</summary>
    PersonalHeads,

    /// <summary>Each member evaluates the new model and, with a contribution section, reports subset utilities for scoring.</summary>
    EvaluationAndScoring,
}
