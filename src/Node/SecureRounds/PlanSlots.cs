using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedChain.Node.SecureRounds;

/// <summary>
/// A plan's secure-aggregation slots: the on-chain participant set (lower-case addresses in ordinal
/// order, as <c>PlanRecord.Participants</c> keeps them) numbered 1..n. Every node and the auditor read
/// the same set from the chain, so they agree on every member's slot (its Shamir x coordinate).
/// </summary>
public sealed class PlanSlots(IEnumerable<string> participants)
{
    private readonly List<string> _members = [.. participants.Select(p => p.ToLowerInvariant()).Order(StringComparer.Ordinal)];

    public int Count => _members.Count;

    public IReadOnlyList<string> Members => _members;

    /// <summary>The slot of <paramref name="address"/>, or 0 when it is not a participant.</summary>
    public int SlotOf(string address) => _members.IndexOf(address.ToLowerInvariant()) + 1;

    public string AddressOf(int slot) => _members[slot - 1];

    /// <summary>The round id that salts every key and ciphertext of training round <paramref name="round"/>: SHA-256(plan hash | round u32 LE).</summary>
    public static byte[] RoundId(byte[] planHash, int round)
    {
        var bytes = new byte[planHash.Length + 4];
        planHash.CopyTo(bytes, 0);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(planHash.Length), (uint)round);
        return SHA256.HashData(bytes);
    }
}
