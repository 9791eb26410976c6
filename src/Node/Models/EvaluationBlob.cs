using System.Text.Json;
using FedChain.Learning.Json;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;

namespace FedChain.Node.Models;

/// <summary>A <see cref="SiteEvaluation"/> as a signed blob: envelope kind <see cref="EnvelopeKind.Evaluation"/>, round = the plan's last chain round, sample count = test rows.</summary>
public static class EvaluationBlob
{
    public static byte[] Seal(NodeKey key, byte[] planHash, uint lastRound, SiteEvaluation evaluation) =>
        BlobEnvelope.Seal(key, EnvelopeKind.Evaluation, planHash, lastRound, (ulong)evaluation.Metrics.Rows, evaluation.CanonicalBytes());

    /// <summary>Opens and checks an evaluation blob pinned by <paramref name="member"/>: signed by it, for this plan and model.</summary>
    /// <returns>The evaluation, or null with <paramref name="problem"/> saying why it does not count.</returns>
    public static SiteEvaluation? Read(byte[] blob, byte[] planHash, string member, string modelHash, out string? problem)
    {
        BlobEnvelope envelope;
        SiteEvaluation? evaluation;
        try
        {
            envelope = BlobEnvelope.Open(blob);
            evaluation = JsonSerializer.Deserialize<SiteEvaluation>(envelope.Body, CanonicalJson.Options);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException)
        {
            problem = e.Message;
            return null;
        }

        var signer = envelope.Signer.ToLowerHex();
        problem = evaluation is null ? "empty evaluation"
            : envelope.Kind != EnvelopeKind.Evaluation ? $"blob is a {envelope.Kind} envelope, not an evaluation"
            : !string.Equals(signer, member, StringComparison.OrdinalIgnoreCase) ? $"evaluation is signed by {signer}, not by the pinning member"
            : !string.Equals(evaluation.Member, signer, StringComparison.Ordinal) ? $"evaluation names {evaluation.Member} but is signed by {signer}"
            : !envelope.PlanHash.AsSpan().SequenceEqual(planHash) || evaluation.PlanHash != Convert.ToHexStringLower(planHash) ? "evaluation names another plan"
            : evaluation.ModelHash != modelHash ? $"evaluation is of model {evaluation.ModelHash[..12]}, not the final {modelHash[..12]}"
            : (ulong)evaluation.Metrics.Rows != envelope.SampleCount ? $"evaluation says {evaluation.Metrics.Rows} rows, its envelope {envelope.SampleCount}"
            : null;
        return problem is null ? evaluation : null;
    }
}
