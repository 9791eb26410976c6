namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>The first byte of every encoded secure-aggregation message (version 1).</summary>
public enum SecAggMessageCode : byte
{
    KeyAdvertisement = 1,
    EncryptedShare = 2,
    MaskedInput = 3,
    UnmaskingShares = 4,
}
