using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace FedChain.Learning.Contribution;

/// <summary>
/// A round's scores: what the chain records (one int64 per participant, in roster order) and what
/// an auditor recomputes with <see cref="RoundScoring.Score"/> from the same reports.
/// </summary>
/// <param name="Members">The roster, in order.</param>
/// <param name="Scores">Per member, in <see cref="ScoreUnits"/> units.</param>
/// <param name="UtilityOfNone">U(empty): the previous global model's combined utility (null when no report counted).</param>
/// <param name="UtilityOfAll">U(all): the new global model's combined utility.</param>
/// <param name="Evaluators">The members whose reports counted, in ordinal order.</param>
/// <param name="Excluded">Reports that did not count, with the reason, in ordinal order of member.</param>
public sealed record RoundScores(
    string PlanHash,
    int Round,
    ContributionMethod Method,
    IReadOnlyList<string> Members,
    IReadOnlyList<long> Scores,
    long? UtilityOfNone,
    long? UtilityOfAll,
    IReadOnlyList<string> Evaluators,
    IReadOnlyList<ExcludedReport> Excluded)
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("fedchain/round-scores/v1");

    /// <summary>
    /// The score vector's canonical bytes, big-endian: the ASCII domain tag
    /// <c>fedchain/round-scores/v1</c>, the plan hash (32 bytes), the round (int32), the method
    /// (uint8, <see cref="ContributionMethod"/>'s value), the member count (uint16), then per member
    /// its identity (uint16 length, UTF-8) and score (int64).
    /// </summary>
    public byte[] CanonicalBytes()
    {
        var names = Members.Select(Encoding.UTF8.GetBytes).ToArray();
        if (names.Any(n => n.Length > ushort.MaxValue)) throw new InvalidOperationException("a member name is longer than 65535 bytes");
        var bytes = new byte[Domain.Length + 32 + 4 + 1 + 2 + names.Sum(n => 2 + n.Length + 8)];
        var span = bytes.AsSpan();
        Domain.CopyTo(span);
        var at = Domain.Length;
        UtilityReportCodec.PlanHashBytes(PlanHash).CopyTo(span[at..]);
        BinaryPrimitives.WriteInt32BigEndian(span[(at += 32)..], Round);
        span[at += 4] = (byte)Method;
        BinaryPrimitives.WriteUInt16BigEndian(span[(at += 1)..], (ushort)Members.Count);
        at += 2;
        for (var i = 0; i < names.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(span[at..], (ushort)names[i].Length);
            names[i].CopyTo(span[(at += 2)..]);
            BinaryPrimitives.WriteInt64BigEndian(span[(at += names[i].Length)..], Scores[i]);
            at += 8;
        }

        return bytes;
    }

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, lower-case hex.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));
}
