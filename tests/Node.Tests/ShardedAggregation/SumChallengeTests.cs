using FedChain.Node.ShardedAggregation;

namespace FedChain.Node.Tests.ShardedAggregation;

public sealed class SumChallengeTests
{
    private static readonly byte[] Seed = [.. Enumerable.Range(1, 32).Select(i => (byte)i)];

    [Fact]
    public void Evaluate_HonestSum_EqualsTheSumOfTheAnswers()
    {
        var (vectors, sum) = Vectors(8, 1000);
        var sut = SumChallenge.From(Seed, 1000);

        var answers = vectors.Aggregate(0UL, (acc, v) => SumChallenge.AddMod(acc, sut.Answer(v)));

        Assert.Equal(answers, sut.Evaluate(sum));
    }

    [Theory]
    [InlineData(1u)]
    [InlineData(1u << 31)] // vanishes mod 2^32 against any even coefficient: the reason for the prime and the carries
    public void Evaluate_OneElementOff_FailsTheCheck(uint error)
    {
        var (vectors, sum) = Vectors(8, 1000);
        var sut = SumChallenge.From(Seed, 1000);
        var answers = vectors.Aggregate(0UL, (acc, v) => SumChallenge.AddMod(acc, sut.Answer(v)));

        sum.Sum[10] = unchecked(sum.Sum[10] + error);

        Assert.NotEqual(answers, sut.Evaluate(sum));
    }

    [Fact]
    public void Evaluate_WrappedSumWithItsCarryShifted_FailsTheCheck()
    {
        // Same bits mod 2^32, wrong integer sum: the carry is part of what is checked.
        var (vectors, sum) = Vectors(8, 1000);
        var sut = SumChallenge.From(Seed, 1000);
        var answers = vectors.Aggregate(0UL, (acc, v) => SumChallenge.AddMod(acc, sut.Answer(v)));

        sum.Carry[3]++;

        Assert.NotEqual(answers, sut.Evaluate(sum));
    }

    [Fact]
    public void From_SameSeed_SameCoefficients_OtherSeed_Others()
    {
        var x = Enumerable.Range(0, 100).Select(i => (uint)i * 2654435761u).ToArray();
        var other = (byte[])Seed.Clone();
        other[0] ^= 1;

        Assert.Equal(SumChallenge.From(Seed, 100).Answer(x), SumChallenge.From(Seed, 100).Answer(x));
        Assert.NotEqual(SumChallenge.From(Seed, 100).Answer(x), SumChallenge.From(other, 100).Answer(x));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    [InlineData(7)]
    public void From_CoefficientJ_IsTheJthEightBytesOfAesCtrUnderTheSeed_Masked(int length)
    {
        // The spec, element by element: block b = AES-256_seed(b as 16 bytes little-endian), r_j = bytes 8j..8j+8 & (2^61 - 1).
        using var aes = System.Security.Cryptography.Aes.Create();
        aes.Key = Seed;
        var x = new uint[length];
        var sut = SumChallenge.From(Seed, length);

        for (var j = 0; j < length; j++)
        {
            var counter = new byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(counter, j / 2);
            var block = aes.EncryptEcb(counter, System.Security.Cryptography.PaddingMode.None);
            var r = System.Buffers.Binary.BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(j % 2 * 8)) & SumChallenge.Modulus;
            Array.Clear(x);
            x[j] = 1;
            Assert.Equal(r, sut.Answer(x));
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(100_003)]
    public void Dot_EqualsTheExactIntegerSumModP_AtTheLargestValuesAndEveryTailLength(int length)
    {
        // Half the elements at the largest coefficient and value, so every lane sum is pushed as far as it goes.
        var random = new Random(length);
        var r = Enumerable.Range(0, length).Select(j => j % 2 == 0 ? SumChallenge.Modulus - 1 : (ulong)random.NextInt64((long)SumChallenge.Modulus)).ToArray();
        var x = Enumerable.Range(0, length).Select(j => j % 2 == 0 ? uint.MaxValue : (uint)random.NextInt64(1L << 32)).ToArray();
        var exact = Enumerable.Range(0, length).Aggregate(System.Numerics.BigInteger.Zero, (acc, j) => acc + ((System.Numerics.BigInteger)r[j] * x[j]));

        Assert.Equal((ulong)(exact % SumChallenge.Modulus), SumChallenge.Dot(r, x));
    }

    private static (List<uint[]> Vectors, ShardSum Sum) Vectors(int count, int length)
    {
        var random = new Random(3);
        var vectors = Enumerable.Range(0, count).Select(_ => Enumerable.Range(0, length).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray()).ToList();
        return (vectors, ShardSum.Of(vectors, length));
    }
}
