namespace FedChain.Node.Gossip;

/// <summary>What <see cref="SeenCache.Add"/> did with an id.</summary>
internal enum SeenOutcome
{
    /// <summary>Recorded until its replay window ends.</summary>
    Added,

    /// <summary>Already recorded: a duplicate.</summary>
    AlreadySeen,

    /// <summary>Not recorded: its origin (or the cache) holds as many ids as it may; the message is dropped.</summary>
    Full,
}
