using System.Buffers.Binary;
using System.Text;

namespace FedChain.Learning.Contribution;

/// <summary>
/// The canonical byte form of a <see cref="UtilityReport"/>, big-endian throughout:
/// the ASCII domain tag <c>fedchain/utility-report/v1</c>; the plan hash (32 bytes); the round
/// (int32); the member (uint16 length, UTF-8); the validation rows (int64); the count (int32);
/// then per subset its mask (uint64) and utility (int64), masks strictly ascending.
/// </summary>
public static class UtilityReportCodec
{
    private static readonly byte[] Domain = Encoding.ASCII.GetBytes("fedchain/utility-report/v1");

    public static byte[] Encode(UtilityReport report)
    {
        var member = Encoding.UTF8.GetBytes(report.Member);
        if (member.Length > ushort.MaxValue) throw new ArgumentException($"member name of {member.Length} bytes is too long", nameof(report));
        var planHash = PlanHashBytes(report.PlanHash);
        var bytes = new byte[Domain.Length + 32 + 4 + 2 + member.Length + 8 + 4 + 16 * report.Utilities.Count];
        var span = bytes.AsSpan();
        Domain.CopyTo(span);
        var at = Domain.Length;
        planHash.CopyTo(span[at..]);
        at += 32;
        BinaryPrimitives.WriteInt32BigEndian(span[at..], report.Round);
        BinaryPrimitives.WriteUInt16BigEndian(span[(at += 4)..], (ushort)member.Length);
        member.CopyTo(span[(at += 2)..]);
        BinaryPrimitives.WriteInt64BigEndian(span[(at += member.Length)..], report.ValidationRows);
        BinaryPrimitives.WriteInt32BigEndian(span[(at += 8)..], report.Utilities.Count);
        at += 4;
        ulong? previous = null;
        foreach (var (coalition, utility) in report.Utilities)
        {
            if (coalition.Mask <= previous) throw new ArgumentException($"utility report of '{report.Member}' for round {report.Round}: subsets must be strictly ascending, {coalition} is not", nameof(report));
            previous = coalition.Mask;
            BinaryPrimitives.WriteUInt64BigEndian(span[at..], coalition.Mask);
            BinaryPrimitives.WriteInt64BigEndian(span[(at + 8)..], utility);
            at += 16;
        }

        return bytes;
    }

    /// <summary>Reads <see cref="Encode"/>'s form back; throws <see cref="FormatException"/> naming the field and offset.</summary>
    public static UtilityReport Decode(ReadOnlySpan<byte> bytes)
    {
        var reader = new Reader(bytes);
        if (!reader.Take(Domain.Length, "domain tag").SequenceEqual(Domain)) throw new FormatException("not a utility report: the domain tag is not fedchain/utility-report/v1");
        var planHash = Convert.ToHexStringLower(reader.Take(32, "plan hash"));
        var round = BinaryPrimitives.ReadInt32BigEndian(reader.Take(4, "round"));
        var memberLength = BinaryPrimitives.ReadUInt16BigEndian(reader.Take(2, "member length"));
        var member = Encoding.UTF8.GetString(reader.Take(memberLength, "member"));
        var rows = BinaryPrimitives.ReadInt64BigEndian(reader.Take(8, "validation rows"));
        var count = BinaryPrimitives.ReadInt32BigEndian(reader.Take(4, "subset count"));
        if (count < 0 || (long)count * 16 != reader.Left) throw new FormatException($"utility report of '{member}': {count} subsets do not fill the {reader.Left} bytes left at byte {reader.At}");
        var utilities = new SubsetUtility[count];
        for (var i = 0; i < count; i++)
        {
            var mask = BinaryPrimitives.ReadUInt64BigEndian(reader.Take(8, "subset mask"));
            if (i > 0 && mask <= utilities[i - 1].Coalition.Mask) throw new FormatException($"utility report of '{member}': subset {i} at byte {reader.At - 8} is not above the one before");
            utilities[i] = new SubsetUtility(new Coalition(mask), BinaryPrimitives.ReadInt64BigEndian(reader.Take(8, "utility")));
        }

        return new UtilityReport(planHash, round, member, rows, utilities);
    }

    internal static byte[] PlanHashBytes(string planHash)
    {
        if (planHash.Length != 64) throw new ArgumentException($"plan hash '{planHash}' is not 64 hex digits", nameof(planHash));
        try
        {
            return Convert.FromHexString(planHash);
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"plan hash '{planHash}' is not hex", nameof(planHash), e);
        }
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;

        public int At { get; private set; }

        public readonly int Left => _bytes.Length - At;

        public ReadOnlySpan<byte> Take(int count, string field)
        {
            if (Left < count) throw new FormatException($"utility report truncated at byte {At}: {field} needs {count} bytes, {Left} left");
            var part = _bytes.Slice(At, count);
            At += count;
            return part;
        }
    }
}
