using FedChain.Learning.Analysis.Engine;

namespace FedChain.Learning.Tests.Analysis;

public sealed class FixedPointRingTests
{
    [Fact]
    public void EncodeSumDecode_IntegerStatistics_AreExactPastThirtyTwoBits()
    {
        // Sums of squares of cholesterol over a million rows: about 2^38, beyond a 32-bit ring.
        var bits = FixedPointRing.FractionBitsFor((1 << 20) * 1000.0 * 1000);
        double[] site1 = [123_456_789_012, -5, 7];
        double[] site2 = [98_765_432_109, 2, -7];
        var a = new ulong[3];
        var b = new ulong[3];
        FixedPointRing.Encode(site1, bits, a, "test");
        FixedPointRing.Encode(site2, bits, b, "test");

        FixedPointRing.AddInto(a, b);

        Assert.Equal([123_456_789_012 + 98_765_432_109.0, -3, 0], a.Select(v => FixedPointRing.Decode(v, bits)));
    }

    [Fact]
    public void Sum_WithMasksThatCancel_IsTheSameBits()
    {
        // Secure aggregation adds pairwise masks mod 2^64 that cancel in the sum (Bonawitz et al. 2017).
        var random = new Random(5);
        var x = new ulong[4];
        var y = new ulong[4];
        FixedPointRing.Encode([1.5, -2.25, 1e9, 0.1], 30, x, "x");
        FixedPointRing.Encode([0.5, 2.25, -1e9, 0.2], 30, y, "y");
        var mask = Enumerable.Range(0, 4).Select(_ => (ulong)random.NextInt64() * 3).ToArray();
        var plain = (ulong[])x.Clone();
        FixedPointRing.AddInto(plain, y);

        var maskedX = x.Zip(mask, (v, m) => unchecked(v + m)).ToArray();
        var maskedY = y.Zip(mask, (v, m) => unchecked(v - m)).ToArray();
        FixedPointRing.AddInto(maskedX, maskedY);

        Assert.Equal(plain, maskedX);
        Assert.Equal(0.3, FixedPointRing.Decode(plain[3], 30), 1e-9);
    }

    [Fact]
    public void Encode_ValueBeyondItsBound_ThrowsNamingTheBlock()
    {
        var bits = FixedPointRing.FractionBitsFor(1000);

        var error = Assert.Throws<RingOverflowException>(() => FixedPointRing.Encode([1e7], bits, new ulong[1], "sum of chol"));

        Assert.Contains("sum of chol", error.Message);
    }

    [Theory]
    [InlineData(1.0, 48)]
    [InlineData(1048576.0, 41)]
    [InlineData(1e15, 11)]
    [InlineData(1e22, -13)]
    public void FractionBitsFor_Bound_KeepsTheTotalBelowTwoToThe62(double bound, int expected)
    {
        var bits = FixedPointRing.FractionBitsFor(bound);

        Assert.Equal(expected, bits);
        Assert.True(Math.ScaleB(bound, bits) < FixedPointRing.Limit);
    }
}
