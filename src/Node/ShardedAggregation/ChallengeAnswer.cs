namespace FedChain.Node.ShardedAggregation;

/// <summary>An answer to the challenge of one claim, named by <see cref="Claim"/>: the first 16 bytes of the
/// claim's gossip message id as hex (<see cref="RefOf"/>), enough to tell a session's claims apart.</summary>
public readonly record struct ChallengeAnswer(string Claim, ulong Value)
{
    public const int RefBytes = 16;

    /// <summary>The reference to a claim by its gossip message id (lower-case hex of SHA-256).</summary>
    public static string RefOf(string messageId) => messageId[..(RefBytes * 2)];
}
