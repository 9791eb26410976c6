namespace FedChain.Contracts.Ledger;

/// <summary>The ledger's agreement rule (LedgerBase._votesNeeded), for clients that check it.</summary>
public static class Quorum
{
    /// <summary>max(2, ceil(live participants * quorumPercent / 100)): never one member alone.</summary>
    public static int VotesNeeded(int participants, int quorumPercent) => Math.Max(2, (participants * quorumPercent + 99) / 100);
}
