namespace FedChain.Contracts.Ledger;

/// <summary>A plan's lifecycle (LedgerBase STATUS_* constants).</summary>
public enum PlanStatus : byte
{
    None = 0,
    Enrolling = 1,
    Running = 2,
    Completed = 3,
    Cancelled = 4,
}
