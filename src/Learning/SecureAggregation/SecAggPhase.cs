namespace FedChain.Learning.SecureAggregation;

/// <summary>Where a member is in one round; each step is allowed only from the phase before it.</summary>
public enum SecAggPhase
{
    Created,
    KeysAdvertised,
    SharesSent,
    InputMasked,
    Unmasked,
}
