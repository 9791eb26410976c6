namespace FedChain.Node.Rounds.Availability;

/// <summary>
/// A closed round as the chain decided it and this node collected it: the accepted blobs, how many of
/// the round's commitments did not make it (voted out on-chain, or failing <see cref="CommitmentCheck"/>),
/// and which members the chain voted out.
/// </summary>
public sealed record RoundSet(IReadOnlyList<AcceptedBlob> Accepted, int Excluded, IReadOnlyList<string> VotedOut);
