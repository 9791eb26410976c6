namespace FedChain.Contracts.Ledger;

/// <summary>What a quorum agrees on for a round (LedgerBase KIND_* constants).</summary>
public enum AgreementKind : byte
{
    Aggregate = 0,
    Scores = 1,
    /// <summary>That a committed blob is not available (Availability): it leaves the round.</summary>
    Exclusion = 2,
    /// <summary>An analysis plan's results (AnalysisResults): a quorum of equal hashes closes the plan.</summary>
    Result = 3,
}
