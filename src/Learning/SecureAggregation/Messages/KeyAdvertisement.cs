namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>
/// Round 0 (Bonawitz et al. 2017, Fig. 4, "AdvertiseKeys"): a member's two fresh public keys, 33-byte
/// compressed secp256k1. The members whose advertisements the chain accepts form U1.
/// </summary>
/// <param name="EncryptionKey">c_u^PK: agreed with peers' to encrypt the shares sent to them.</param>
/// <param name="MaskKey">s_u^PK: agreed with peers' to seed the pairwise masks.</param>
public sealed record KeyAdvertisement(int Slot, byte[] EncryptionKey, byte[] MaskKey);
