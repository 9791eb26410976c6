namespace FedChain.Learning.Privacy.Accounting;

/// <summary>Thrown when a step would take a member's privacy loss past its budget; nothing was spent.</summary>
public sealed class PrivacyBudgetExhaustedException(string message) : InvalidOperationException(message);
