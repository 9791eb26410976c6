namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>
/// Round 2 of the 64-bit variant (analysis statistics): y_u = x_u + PRG(b_u) + sum of signed pairwise
/// masks, mod 2^64, the PRG's key stream read as 64-bit words. Its length is the round's, which the
/// analysis's public state fixes (it changes from round to round).
/// </summary>
public sealed record MaskedInput64(int Slot, ulong[] Values);
