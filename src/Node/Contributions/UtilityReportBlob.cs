using FedChain.Learning.Contribution;
using FedChain.Node.Identity;
using FedChain.Node.Rounds;

namespace FedChain.Node.Contributions;

/// <summary>
/// A utility report as a signed blob: a <see cref="BlobEnvelope"/> of kind
/// <see cref="EnvelopeKind.UtilityReport"/> whose round is the report's round, whose sample count is
/// its validation rows and whose body is <see cref="UtilityReport.CanonicalBytes"/>. The header says
/// what the blob is, so a node finds the reports among the blobs it holds without any index.
/// </summary>
public static class UtilityReportBlob
{
    public static byte[] Seal(NodeKey key, byte[] planHash, UtilityReport report) =>
        BlobEnvelope.Seal(key, EnvelopeKind.UtilityReport, planHash, (uint)report.Round, (ulong)report.ValidationRows, report.CanonicalBytes());

    /// <summary>True when <paramref name="blob"/>'s header says it is a utility report for <paramref name="planHash"/> (nothing verified yet).</summary>
    public static bool LooksLikeReport(ReadOnlySpan<byte> blob, ReadOnlySpan<byte> planHash) =>
        BlobEnvelope.PeekHeader(blob)?.IsFor(EnvelopeKind.UtilityReport, planHash) ?? false;

    /// <summary>
    /// Opens and checks a report blob: the signature recovers a signer, the body decodes, and the
    /// report names the signer as its member, the plan, and the envelope's round and row count.
    /// </summary>
    /// <returns>The report, or null with <paramref name="problem"/> saying why it does not count.</returns>
    public static UtilityReport? Read(byte[] blob, byte[] planHash, out string? problem)
    {
        BlobEnvelope envelope;
        UtilityReport report;
        try
        {
            envelope = BlobEnvelope.Open(blob);
            report = UtilityReportCodec.Decode(envelope.Body);
        }
        catch (Exception e) when (e is InvalidDataException or FormatException)
        {
            problem = e.Message;
            return null;
        }

        var signer = envelope.Signer.ToLowerHex();
        problem = envelope.Kind != EnvelopeKind.UtilityReport ? $"blob is a {envelope.Kind} envelope"
            : !envelope.PlanHash.AsSpan().SequenceEqual(planHash) || report.PlanHash != Convert.ToHexStringLower(planHash) ? "report names another plan"
            : !string.Equals(report.Member, signer, StringComparison.Ordinal) ? $"report of {report.Member} is signed by {signer}"
            : report.Round != (long)envelope.Round ? $"report for round {report.Round} sits in an envelope for round {envelope.Round}"
            : report.ValidationRows != (long)envelope.SampleCount ? $"report says {report.ValidationRows} validation rows, its envelope {envelope.SampleCount}"
            : null;
        return problem is null ? report : null;
    }
}
