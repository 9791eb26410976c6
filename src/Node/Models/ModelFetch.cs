using System.Numerics;
using FedChain.Contracts.Events;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Node.Governance;
using FedChain.Node.Audit;
using FedChain.Node.Blobs;
using FedChain.Node.Rounds;

namespace FedChain.Node.Models;

/// <summary>
/// Gets the model governance released for a plan and proves it is that model: its hash is the
/// release's model hash, and the evaluation report rebuilt from the members' pinned evaluations has
/// the release's report hash. The parameters come from the caller's own node state when it has the
/// plan's final model; otherwise they are recomputed from the committed blobs by the auditor's code.
/// </summary>
public static class ModelFetch
{
    public static async Task<ModelPackage> FetchAsync(CallerSession session, BigInteger planId, string? blobsFolder, string output, IProgress<string>? progress, CancellationToken ct)
    {
        var events = await new ChainEventReader(session.Chain, session.Addresses).ReadAsync(session.Addresses.DeploymentBlock, null, ct);
        var ledger = new LedgerState();
        foreach (var e in events) ledger.Apply(e);
        if (!ledger.Plans.TryGetValue(planId, out var record)) throw new InvalidDataException($"there is no plan {planId} on this ledger");
        if (record.ReleasedModel is not { } released) throw new InvalidDataException($"plan {planId} has no released model: governance has not voted its release (`fedchain gov list`)");
        var folder = blobsFolder ?? session.Config?.BlobStoreFolder ?? throw new ArgumentException("give --config (your node's blob store) or --blobs DIR (exported blobs)");
        var planHash = Convert.ToHexStringLower(record.PlanHash);
        var planBytes = ExportedBlobs.TryRead(folder, planHash) ?? throw new FileNotFoundException($"the plan document {planHash} is not in {folder}", planHash);
        var plan = TrainingPlan.Parse(System.Text.Encoding.UTF8.GetString(planBytes), $"blob {planHash}");

        var modelHash = Convert.ToHexStringLower(released);
        var report = EvaluationReport.FromPins(record, modelHash, folder, out var problems);
        foreach (var problem in problems) progress?.Report($"evaluation not counted: {problem}");
        var reportHash = Convert.ToHexStringLower(report.Hash());
        if (record.EvaluationReport is not { } named || Convert.ToHexStringLower(named) != reportHash)
            throw new InvalidDataException($"the evaluation report rebuilt from the pinned evaluations hashes to {reportHash[..12]}, but the release names {Convert.ToHexStringLower(record.EvaluationReport ?? [])[..Math.Min(12, 2 * (record.EvaluationReport?.Length ?? 0))]}: not the report the members voted");

        var (parameters, pooled, source) = FromNodeState(session, planId, plan, record, folder) ?? Recompute(ledger, events, folder, planId, progress);
        if (ModelHash.Of(parameters) != modelHash)
            throw new InvalidDataException($"the model from {source} hashes to {ModelHash.Of(parameters)[..12]}, not the released {modelHash[..12]}");
        var standardiser = plan.Normalisation == Normalisation.Federated ? (pooled ?? throw new InvalidDataException("round 0's moments could not be rebuilt: no standardiser")).ToStandardiser() : null;
        var package = new ModelPackage(ModelPackage.CurrentFormatVersion, planId.ToString(System.Globalization.CultureInfo.InvariantCulture), planHash, plan.Schema.Hash, modelHash, reportHash,
            plan.Schema.Task.Kind.ToString().ToLowerInvariant(), plan.Model, plan.Schema.FeatureCount, plan.Schema.FeatureNames, plan.Normalisation, standardiser, parameters, report.Sites, source);
        package.Write(output, plan, report);
        progress?.Report($"plan {planId}: model {modelHash[..12]} ({source}) matches the release; evaluation report {reportHash[..12]} from {report.Sites.Count} pinned evaluations");
        return package;
    }

    /// <summary>The plan's final model from this node's own state, with round 0's moments from its blob store; null when it has none.</summary>
    private static (float[], FeatureMoments?, string)? FromNodeState(CallerSession session, BigInteger planId, TrainingPlan plan, PlanRecord record, string folder)
    {
        if (session.Config is not { } config) return null;
        var file = Path.Combine(config.Resolve(config.StateDirectory), "plans", planId.ToString(System.Globalization.CultureInfo.InvariantCulture), "final-model.f32");
        if (!File.Exists(file)) return null;
        var bytes = File.ReadAllBytes(file);
        var parameters = new float[bytes.Length / 4];
        Buffer.BlockCopy(bytes, 0, parameters, 0, parameters.Length * 4);
        var track = new AggregateTrack(plan, record.Participants.Count);
        var accepted = record.Rounds[0].Commitments
            .Select(c => ExportedBlobs.TryRead(folder, Convert.ToHexStringLower(c.BlobHash)) is { } blob ? CommitmentCheck.Check(plan, record.PlanHash, c, blob, out _) : null)
            .OfType<AcceptedBlob>().ToList();
        track.ApplyMoments(accepted);
        if (record.Rounds[0].FinalAggregate is { } agreed && !agreed.AsSpan().SequenceEqual(track.Hash)) throw new InvalidDataException("round 0's moments in this node's store do not give the finalised round-0 aggregate");
        return (parameters, track.PooledMoments, "node state");
    }

    private static (float[], FeatureMoments?, string) Recompute(LedgerState ledger, IReadOnlyList<ChainEvent> events, string folder, BigInteger planId, IProgress<string>? progress)
    {
        var auditor = new Auditor(ledger, folder, events);
        var result = auditor.Run(progress);
        foreach (var finding in result.Findings.Where(f => f.Plan == planId.ToString(System.Globalization.CultureInfo.InvariantCulture))) progress?.Report($"audit finding: {finding}");
        var track = auditor.Tracks.GetValueOrDefault(planId) ?? throw new InvalidDataException($"plan {planId} could not be recomputed from the blobs in {folder}");
        return (track.Global, track.PooledMoments, "recomputed from the committed blobs");
    }
}
