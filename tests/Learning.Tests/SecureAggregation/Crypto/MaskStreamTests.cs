using System.Runtime.InteropServices;
using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation.Crypto;

namespace FedChain.Learning.Tests.SecureAggregation.Crypto;

public sealed class MaskStreamTests
{
    [Fact]
    public void Fill_IsAesCtrWithABigEndianBlockCounterFromZero()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var mask = new uint[4 * 3 + 1]; // three whole blocks and one word of a fourth

        MaskStream.Fill(seed, mask);

        using var aes = Aes.Create();
        aes.Key = seed;
        var counters = new byte[4 * 16];
        for (var block = 0; block < 4; block++) counters[block * 16 + 15] = (byte)block;
        var expected = MemoryMarshal.Cast<byte, uint>(aes.EncryptEcb(counters, PaddingMode.None)).ToArray();
        Assert.Equal(expected[..mask.Length], mask);
    }

    [Fact]
    public void AddThenSubtract_SameSeedOverManyChunks_RestoresTheVector()
    {
        var seed = RandomNumberGenerator.GetBytes(32);
        var random = new Random(1);
        var original = Enumerable.Range(0, 100_003).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray();
        var vector = original.ToArray();

        MaskStream.Add(seed, vector);
        Assert.NotEqual(original, vector);
        MaskStream.Subtract(seed, vector);

        Assert.Equal(original, vector);
    }

    [Fact]
    public void Fill_DifferentSeeds_GiveDifferentMasks()
    {
        var first = new uint[64];
        var second = new uint[64];

        MaskStream.Fill(RandomNumberGenerator.GetBytes(32), first);
        MaskStream.Fill(RandomNumberGenerator.GetBytes(32), second);

        Assert.NotEqual(first, second);
    }
}
