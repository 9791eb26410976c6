namespace FedChain.Learning.Pipeline;

/// <summary>
/// The fixed, named points of a round where a stage attaches, in the order a round passes them
/// (docs/learning.md, "The round pipeline"). A feature adds a stage at its hook; nothing else in the
/// loop changes. Publishing, collection and unmasking are the node's (chain and network work).
/// </summary>
public enum RoundHook
{
    /// <summary>The member trains the global model on its rows (plain SGD/Adam/FedProx).</summary>
    LocalTraining,

    /// <summary>DP-SGD: per-record clipping and Gaussian noise under the member's budget (replaces plain training).</summary>
    ClippingAndNoise,

    /// <summary>Fixed-point integers with seeded stochastic rounding, so sums are exact mod 2^32.</summary>
    Quantisation,

    /// <summary>Lossy compression of the fixed-point update into the words committed (8/4-bit codes, random-k, top-k); every node expands them to exact integers.</summary>
    Compression,

    /// <summary>Pairwise and self masks in Z_2^32 (Bonawitz et al. 2017); hides every individual update.</summary>
    Masking,

    /// <summary>Node only: the signed blob is published and its hash committed on-chain.</summary>
    PublishAndCommit,

    /// <summary>Node only: committed blobs are fetched and checked; the chain's commit set is the participant set.</summary>
    Collection,

    /// <summary>Asynchronous rounds: each update of the chain's arrival window weighed by its staleness (FedBuff).</summary>
    Buffering,

    /// <summary>Secure aggregation: the survivors' answers remove the masks from the sum.</summary>
    Unmasking,

    /// <summary>The server rule over the round's sum (FedAvg, FedOpt, SCAFFOLD), or a robust rule (median, trimmed mean, norm bounds, multi-Krum) before it.</summary>
    ServerRule,

    /// <summary>Personal models that never leave the site: FedPer's heads, Ditto's personal models, fine-tuning.</summary>
    PersonalHeads,

    /// <summary>Each member evaluates the new model and, with a contribution section, reports subset utilities for scoring.</summary>
    EvaluationAndScoring,
}
