using FedChain.Contracts.Events;
using FedChain.Node.Analyses;

namespace FedChain.Node.Audit;

/// <summary>The audit of analysis plans: the replay of <see cref="AnalysisAudit"/>, its findings among the others.</summary>
public sealed partial class Auditor
{
    private readonly SortedDictionary<string, string> _analyses = new(StringComparer.Ordinal);

    private void AuditAnalysis(PlanRecord record)
    {
        var audit = new AnalysisAudit(record, ledger.Members, blobsFolder, Find);
        audit.Run();
        _rounds += audit.Rounds;
        _blobs += audit.Blobs;
        if (audit.RecomputedJson is { } json) _analyses[record.PlanId.ToString()] = json;
    }
}
