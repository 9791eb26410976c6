namespace FedChain.Contracts.Ledger;

/// <summary>What a plan runs (LedgerBase PLAN_* constants, <see cref="PlanParams.Kind"/>).</summary>
public enum PlanKind : byte
{
    /// <summary>Rounds of model training, scored and rewarded.</summary>
    Training = 0,

    /// <summary>Rounds of sufficient statistics for a federated analysis: closed by an agreed result hash,
    /// early when the analyses finish early; charged its epsilon once; not scored.</summary>
    Analysis = 1,
}
