namespace FedChain.Node.Audit;

/// <summary>One thing the audit found wrong, located by plan, round and member where it applies.</summary>
public sealed record AuditFinding(string Plan, int? Round, string? Member, string Problem)
{
    public override string ToString() =>
        $"plan {Plan}{(Round is { } r ? $" round {r}" : "")}{(Member is { } m ? $" member {m}" : "")}: {Problem}";
}
