using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// What one member must keep across a restart to finish its round (<see cref="SecAggMember.Export"/>,
/// <see cref="SecAggMember.Restore"/>): its two secret keys; after sharing, its self-mask seed, its own
/// share of both secrets and the U1 keys it shared under; once it answered, the U3 it answered for. Secret
/// material: the node keeps it encrypted.
/// </summary>
/// <param name="AnsweredU3">The U3 this member already revealed shares for: it never answers another.</param>
public sealed record SecAggMemberState(
    int Slot,
    byte[] EncryptionSecret,
    byte[] MaskSecret,
    byte[]? SelfMaskSeed = null,
    byte[]? OwnMaskKeyShare = null,
    byte[]? OwnSeedShare = null,
    IReadOnlyList<KeyAdvertisement>? Roster = null,
    IReadOnlyList<int>? AnsweredU3 = null);
