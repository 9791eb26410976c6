using FedChain.Node.Identity;

namespace FedChain.Node.Rounds;

/// <summary>A committed blob that passed <see cref="CommitmentCheck"/>: the chain's commitment and the verified envelope.</summary>
public sealed record AcceptedBlob(NodeAddress Member, string BlobHash, BlobEnvelope Envelope);
