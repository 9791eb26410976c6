namespace FedChain.Learning.SecureAggregation.Messages;

/// <summary>The revealer's Shamir share of <paramref name="Owner"/>'s <paramref name="Secret"/>.</summary>
public sealed record RevealedShare(int Owner, RevealedSecret Secret, byte[] Share);
