namespace FedChain.Node.Rounds;

/// <summary>What a signed blob carries.</summary>
public enum EnvelopeKind : byte
{
    /// <summary>Round 0: a site's feature moments (count, sums, sums of squares) for federated standardisation.</summary>
    Moments = 1,

    /// <summary>Rounds 1..R: a site's fixed-point update, uint32 little-endian per coordinate.</summary>
    Update = 2,

    /// <summary>After round r >= 1: a member's signed utility report for round r (<c>UtilityReportCodec</c> bytes; sample count = its validation rows).</summary>
    UtilityReport = 3,

    /// <summary>After the last round: a member's evaluation of the final model on its own test rows (<c>SiteEvaluation</c> JSON; sample count = test rows), pinned on-chain.</summary>
    Evaluation = 4,

    /// <summary>Round 0, secure aggregation: a member's fresh public keys for every training round (<c>SecAggBodies.Keys</c>); not committed.</summary>
    SecAggKeys = 10,

    /// <summary>Round 0, secure aggregation: a member's encrypted Shamir shares for every training round (<c>SecAggBodies.Shares</c>); not committed.</summary>
    SecAggShares = 11,

    /// <summary>Rounds 1..R, secure aggregation: a member's masked update, uint32 little-endian per coordinate (Z_2^32).</summary>
    MaskedUpdate = 12,

    /// <summary>After round r >= 1, secure aggregation: a survivor's unmasking shares for round r (<c>SecAggCodec</c> bytes); not committed.</summary>
    SecAggUnmasking = 13,

    /// <summary>An analysis round: a site's statistics in the 64-bit ring, uint64 little-endian per slot (<c>AnalysisVectors</c>).</summary>
    AnalysisVector = 20,

    /// <summary>An analysis round under secure aggregation: a site's statistics masked in Z_2^64, uint64 little-endian per slot.</summary>
    MaskedAnalysisVector = 21,
}
