namespace FedChain.Contracts.Ledger;

/// <summary>A member's standing in a plan (LedgerBase INVITED, PARTICIPANT, DROPPED).</summary>
public enum ParticipantStatus : byte
{
    None = 0,
    Invited = 1,
    Participant = 2,
    /// <summary>Invited or taking part, then removed from the consortium.</summary>
    Dropped = 3,
}
