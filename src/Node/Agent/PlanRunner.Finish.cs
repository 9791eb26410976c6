using System.Text.Json;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    /// <summary>Writes the final model and result.json, exports the blobs for auditors, and says done.</summary>
    private async Task FinishAsync(Learning.Plans.TrainingPlan plan, AggregateTrack track, IReadOnlyList<RoundResult> history, CancellationToken ct)
    {
        Directory.CreateDirectory(PlanDirectory);
        var modelFile = Path.Combine(PlanDirectory, "final-model.f32");
        var bytes = new byte[track.Global.Length * 4];
        Buffer.BlockCopy(track.Global, 0, bytes, 0, bytes.Length);
        await File.WriteAllBytesAsync(modelFile, bytes, ct);

        await Models.EvaluationPublisher.PublishAsync(node, planId, plan.Hash, (uint)track.Round, Convert.ToHexStringLower(track.Hash), history.Count > 0 ? history[^1].Metrics : null, ct);
        string? export = null;
        if (node.Config.ExportBlobs is { } folder)
        {
            export = node.Config.Resolve(folder);
            node.Network.ExportBlobs(export);
        }

        var hash = Convert.ToHexStringLower(track.Hash);
        var result = new PlanResult(planId.ToString(), plan.Hash, node.Key.Address.ToString(), node.Config.Site, hash, history, modelFile, export);
        await File.WriteAllTextAsync(Path.Combine(PlanDirectory, "result.json"), JsonSerializer.Serialize(result, StatusReporter.Json), ct);
        Log.PlanFinished(node.Logger, planId, hash);
        Report("done", track.Round, modelHash: hash, detail: Path.Combine(PlanDirectory, "result.json"));
    }
}
