using System.Text.Json;
using FedChain.Node.Rounds;

namespace FedChain.Node.Agent;

public sealed partial class PlanRunner
{
    /// <summary>
    /// Writes the final model and result.json, offers the model as a blob (its id is the model hash, so a
    /// later plan that starts from its release can fetch it), exports the blobs for auditors, and says done.
    /// </summary>
    private async Task FinishAsync(AggregateTrack track, IReadOnlyList<RoundResult> history, CancellationToken ct)
    {
        Directory.CreateDirectory(_run.Directory);
        var modelFile = Path.Combine(_run.Directory, "final-model.f32");
        var bytes = StartingModel.Bytes(track.Global);
        await File.WriteAllBytesAsync(modelFile, bytes, ct);
        await node.Network.PublishBlobAsync(bytes, ct);

        await Models.EvaluationPublisher.PublishAsync(node, planId, _run.Plan.Hash, (uint)track.Round, Convert.ToHexStringLower(track.Hash), history.Count > 0 ? history[^1].Metrics : null, ct);
        string? export = null;
        if (node.Config.ExportBlobs is { } folder)
        {
            export = node.Config.Resolve(folder);
            await node.ExportGate.WaitAsync(ct);
            try
            {
                node.Network.ExportBlobs(export);
            }
            finally
            {
                node.ExportGate.Release();
            }
        }

        var hash = Convert.ToHexStringLower(track.Hash);
        var result = new PlanResult(planId.ToString(), _run.Plan.Hash, node.Key.Address.ToString(), node.Config.Site, hash, history, modelFile, export);
        await File.WriteAllTextAsync(Path.Combine(_run.Directory, "result.json"), JsonSerializer.Serialize(result, StatusReporter.Json), ct);
        Log.PlanFinished(node.Logger, planId, hash);
        _run.Report("done", track.Round, modelHash: hash, detail: Path.Combine(_run.Directory, "result.json"));
    }
}
