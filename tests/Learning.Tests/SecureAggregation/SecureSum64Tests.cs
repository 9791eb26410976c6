using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Crypto;
using FedChain.Learning.SecureAggregation.Messages;
using static FedChain.Learning.Tests.SecureAggregation.SecAggTestRounds;

namespace FedChain.Learning.Tests.SecureAggregation;

/// <summary>
/// The 64-bit variant (analysis statistics in Z_2^64): the same protocol, masks read as 64-bit words,
/// the vector length given per round. The unmasked sum equals the plain sum mod 2^64 bit for bit,
/// for values past 32 bits, with dropouts.
/// </summary>
public sealed class SecureSum64Tests
{
    [Theory]
    [InlineData(5, 3, 0, 37)]
    [InlineData(5, 3, 2, 1)] // t - 1 dropouts after sharing
    [InlineData(2, 2, 0, 300)] // a pair: both must answer
    public void Compute64_MembersMaskValuesPast32Bits_TheSumIsThePlainSumMod2To64(int members, int threshold, int dropouts, int length)
    {
        var parameters = Parameters(members, threshold, length) with { VectorLength = null };
        var random = new Random(members * 100 + dropouts);
        var survivors = Enumerable.Range(1, members - dropouts).ToArray();
        var inputs = survivors.ToDictionary(s => s, _ => Enumerable.Range(0, length).Select(_ => (ulong)random.NextInt64() * 3).ToArray());

        var (masked, u1, u2, answers) = Run(parameters, inputs);
        var sum = SecureSum.Compute64(parameters, u1, u2, masked, answers, length);

        var plain = new ulong[length];
        foreach (var input in inputs.Values) RingVectors.Add<ulong>(plain, input);
        Assert.Equal(plain, sum);
        Assert.Contains(inputs.Values.SelectMany(v => v), v => v > uint.MaxValue);
        Assert.All(masked, m => Assert.NotEqual(inputs[m.Slot], m.Values));
    }

    [Fact]
    public void MaskStream_64BitWords_AreThe32BitKeyStreamReadInPairs()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var words32 = new uint[2 * 21];
        MaskStream.Fill(seed, words32);
        var words64 = new ulong[21];

        MaskStream.Add(seed, words64);

        Assert.Equal(MemoryMarshal.Cast<uint, ulong>(words32).ToArray(), words64);
        MaskStream.Subtract(seed, words64);
        Assert.All(words64, w => Assert.Equal(0UL, w));
    }

    [Fact]
    public void MaskInput64_OfAnotherLengthThanTheParametersFix_IsRefused()
    {
        using var member = new SecAggMember(Parameters(3, 2, 4), 1);

        Assert.Throws<ArgumentException>(() => member.MaskInput64(new ulong[5], [1, 2, 3], []));
    }

    [Fact]
    public void MaskInput_32Bit_WithoutAVectorLength_IsRefused()
    {
        using var member = new SecAggMember(Parameters(3, 2, 4) with { VectorLength = null }, 1);

        Assert.Throws<InvalidOperationException>(() => member.MaskInput(new uint[4], [1, 2, 3], []));
    }

    /// <summary>Every member advertises and shares; the members of <paramref name="inputs"/> mask; they answer for U3.</summary>
    private static (List<MaskedInput64> Masked, List<KeyAdvertisement> U1, int[] U2, List<UnmaskingShares> Answers) Run(
        SecAggParameters parameters, Dictionary<int, ulong[]> inputs)
    {
        var members = Enumerable.Range(1, parameters.MemberCount).Select(s => new SecAggMember(parameters, s)).ToList();
        try
        {
            var u1 = members.Select(m => m.AdvertiseKeys()).ToList();
            var shares = members.SelectMany(m => m.ShareKeys(u1)).ToList();
            var u2 = members.Select(m => m.Slot).ToArray();
            var masked = members.Where(m => inputs.ContainsKey(m.Slot))
                .Select(m => m.MaskInput64(inputs[m.Slot], u2, [.. shares.Where(s => s.To == m.Slot)])).ToList();
            var u3 = masked.Select(m => m.Slot).ToArray();
            var answers = members.Where(m => u3.Contains(m.Slot)).Select(m => m.Unmask(u3)).ToList();
            return (masked, u1, u2, answers);
        }
        finally
        {
            foreach (var m in members) m.Dispose();
        }
    }
}
