namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>
/// Round 2 ("MaskedInputCollection"): y_u = x_u + PRG(b_u) + sum of signed pairwise masks, mod 2^32.
/// The members whose masked input the chain records form U3, the survivors.
/// </summary>
public sealed record MaskedInput(int Slot, uint[] Values);
