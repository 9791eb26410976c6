using System.Numerics;

namespace FedChain.Learning.Contribution;

/// <summary>
/// A subset of a round's participants, as a bit mask over their roster positions (bit i is
/// roster member i). The roster is the round's participant list in the order the caller fixes
/// (on-chain commitment order in the network, site order in a simulation), so up to 64 members.
/// </summary>
public readonly record struct Coalition(ulong Mask) : IComparable<Coalition>
{
    /// <summary>The most members a scored round can have.</summary>
    public const int MaxMembers = 64;

    public static Coalition Empty => default;

    /// <summary>Every member of a roster of <paramref name="members"/>.</summary>
    public static Coalition All(int members)
    {
        if (members is < 0 or > MaxMembers) throw new ArgumentOutOfRangeException(nameof(members), members, $"a scored round holds 0 to {MaxMembers} members");
        return new(members == MaxMembers ? ulong.MaxValue : (1UL << members) - 1);
    }

    public int Count => BitOperations.PopCount(Mask);

    public bool Contains(int member) => (Mask >> member & 1) != 0;

    public Coalition With(int member) => new(Mask | 1UL << member);

    public Coalition Without(int member) => new(Mask & ~(1UL << member));

    /// <summary>The roster positions in this coalition, ascending.</summary>
    public IEnumerable<int> Members()
    {
        for (var rest = Mask; rest != 0; rest &= rest - 1) yield return BitOperations.TrailingZeroCount(rest);
    }

    public int CompareTo(Coalition other) => Mask.CompareTo(other.Mask);

    public override string ToString() => $"{{{string.Join(",", Members())}}}";
}
