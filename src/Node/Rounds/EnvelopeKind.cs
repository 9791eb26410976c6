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
}
