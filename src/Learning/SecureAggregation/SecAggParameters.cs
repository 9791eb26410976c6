namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// What every member of one secure-aggregation round agrees on before it starts (from the plan and the
/// chain): the round's id, the roster size, the threshold, the vector length and the masking graph.
/// </summary>
public sealed record SecAggParameters
{
    /// <summary>32 bytes naming this round (for example SHA-256 of plan hash and round number); binds every key and ciphertext to it.</summary>
    public required byte[] RoundId { get; init; }

    /// <summary>n: members hold slots 1..n (their order in the round's on-chain roster); at most 255 (GF(256) shares).</summary>
    public required int MemberCount { get; init; }

    /// <summary>
    /// t: how many share holders must answer to unmask. Each member's secrets are shared among itself
    /// and its neighbours, and t must exceed half of them, so two disjoint groups of responders (say,
    /// one told a member survived and one told it dropped) can never both reach the threshold.
    /// </summary>
    public required int Threshold { get; init; }

    /// <summary>
    /// Length of the round's vectors: the uint32 update vectors (docs/ARCHITECTURE.md, "Update vectors").
    /// Null in the 64-bit variant for analyses, where each round's length is public before the round
    /// (the analysis's state fixes it) but differs between rounds whose keys were exchanged together.
    /// </summary>
    public required int? VectorLength { get; init; }

    /// <summary>
    /// k: each member masks with and shares to k neighbours of a random k-regular graph (SecAgg+,
    /// Bell et al. 2020); even, at least 2. Null: every member with every other (Bonawitz et al. 2017).
    /// </summary>
    public int? Neighbours { get; init; }

    /// <summary>How many hold each member's shares: itself and its neighbours.</summary>
    public int ShareHolders => Neighbours is { } k && k < MemberCount - 1 ? k + 1 : MemberCount;

    /// <summary>Throws naming the first parameter out of range.</summary>
    public SecAggParameters Validate()
    {
        if (RoundId is not { Length: 32 })
            throw new ArgumentException($"RoundId must be 32 bytes, got {RoundId?.Length ?? 0}", nameof(RoundId));
        if (MemberCount is < 2 or > 255)
            throw new ArgumentOutOfRangeException(nameof(MemberCount), MemberCount, "secure aggregation needs 2..255 members");
        if (VectorLength is < 1)
            throw new ArgumentOutOfRangeException(nameof(VectorLength), VectorLength, "vector length must be at least 1");
        if (Neighbours is { } k && (k < 2 || k % 2 != 0))
            throw new ArgumentOutOfRangeException(nameof(Neighbours), k, "the neighbour count must be even and at least 2 (a Harary graph)");
        if (Threshold > ShareHolders || 2 * Threshold <= ShareHolders)
            throw new ArgumentOutOfRangeException(nameof(Threshold), Threshold,
                $"threshold must exceed half of the {ShareHolders} share holders and not exceed them");
        return this;
    }
}
