namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>
/// Round 3 ("Unmasking"): a survivor's shares, given U3: the self-mask seed share of each survivor
/// and the mask-key share of each member of U2 that dropped. Any t of these responses unmask the sum.
/// </summary>
public sealed record UnmaskingShares(int From, IReadOnlyList<RevealedShare> Shares);
