using System.Globalization;
using System.Numerics;
using System.Text;
using FedChain.Contracts.Events;
using FedChain.Contracts.Ledger;
using FedChain.Node.Governance;

namespace FedChain.Node.Models;

/// <summary>
/// What a release proposal would release: a completed plan's last finalised aggregate, and the
/// evaluation report built from the members' pinned evaluations of exactly that model.
/// </summary>
/// <param name="Unpinned">Participants that have not pinned an evaluation (yet).</param>
public sealed record ReleaseCandidate(BigInteger PlanId, byte[] ModelHash, EvaluationReport Report, IReadOnlyList<string> Problems, IReadOnlyList<string> Unpinned)
{
    public static async Task<ReleaseCandidate> BuildAsync(CallerSession session, BigInteger planId, string blobsFolder, CancellationToken ct)
    {
        return From(await session.PlanAsync(planId, ct), blobsFolder);
    }

    public static ReleaseCandidate From(PlanRecord plan, string blobsFolder)
    {
        if (plan.Status != PlanStatus.Completed) throw new GovernanceRefusal($"plan {plan.PlanId} is {plan.Status.ToString().ToLowerInvariant()}: only a completed plan's model can be released");
        if (plan.Rounds.Count < plan.TotalRounds || plan.Rounds[^1].FinalAggregate is not { } model)
            throw new GovernanceRefusal($"plan {plan.PlanId}'s last aggregate is not finalised yet (members vote it after the last round)");
        var modelHash = Convert.ToHexStringLower(model);
        var report = EvaluationReport.FromPins(plan, modelHash, blobsFolder, out var problems);
        if (report.Sites.Count == 0)
            throw new GovernanceRefusal($"no valid evaluation of plan {plan.PlanId}'s model is pinned yet ({(problems.Count == 0 ? "no pins" : string.Join("; ", problems))}); each node pins its own when the plan finishes");
        var unpinned = plan.Participants.Where(p => !plan.Evaluations.ContainsKey(p)).ToList();
        return new ReleaseCandidate(plan.PlanId, model, report, problems, unpinned);
    }

    public string Describe()
    {
        var inv = CultureInfo.InvariantCulture;
        var text = new StringBuilder(string.Create(inv, $"plan {PlanId}: final model {Convert.ToHexStringLower(ModelHash)[..12]}, evaluation report {Convert.ToHexStringLower(Report.Hash())[..12]} from {Report.Sites.Count} pinned evaluations"));
        foreach (var site in Report.Sites)
            text.Append(inv, $"\n  {site.Site} ({site.Member[..10]}…): {site.Metrics.Rows} test rows, accuracy {Format(site.Metrics.Accuracy)}, AUC {Format(site.Metrics.RocAuc)}, C-index {Format(site.Metrics.CIndex)}");
        foreach (var problem in Problems) text.Append(inv, $"\n  not counted: {problem}");
        foreach (var member in Unpinned) text.Append(inv, $"\n  not pinned yet: {member}");
        return text.ToString();
    }

    private static string Format(double? value) => value is { } v ? v.ToString("F3", CultureInfo.InvariantCulture) : "-";
}
