namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>
/// Round 1 ("ShareKeys"): the Shamir shares of <paramref name="From"/>'s mask key and self-mask seed
/// held by <paramref name="To"/>, under AES-256-GCM with their pairwise encryption key; relayed
/// by anyone, readable only by the recipient. The senders the chain accepts form U2.
/// </summary>
/// <param name="Ciphertext">The encrypted share followed by the 16-byte GCM tag.</param>
public sealed record EncryptedShare(int From, int To, byte[] Nonce, byte[] Ciphertext);
