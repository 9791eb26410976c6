using FedChain.Learning.Quantisation;

namespace FedChain.Learning.Tests.Quantisation;

public sealed class UpdateQuantiserTests
{
    [Fact]
    public void QuantiseSumDequantise_RecoversTheMeanWithinOneStep()
    {
        var settings = new QuantisationSettings(FixedPointBits: 16, MaxMembers: 4);
        float[][] updates = [[1.5f, -3.25f, 100.1f], [0.001f, 2f, -50f], [-7f, 0f, 0.3333f]];
        var sum = new uint[3];
        for (var k = 0; k < updates.Length; k++) UpdateQuantiser.AddInto(sum, UpdateQuantiser.Quantise(updates[k], settings, new Random(k), out _));

        var mean = UpdateQuantiser.Dequantise(sum, settings, totalSamples: 3);

        for (var i = 0; i < 3; i++)
        {
            var exact = updates.Sum(u => (double)u[i]) / 3;
            Assert.True(Math.Abs(mean[i] - exact) <= 3 * Math.Pow(2, -16) / 3 + 1e-6, $"coordinate {i}: {mean[i]} vs {exact}");
        }
    }

    [Fact]
    public void Quantise_AtTheClipBound_SumOfMaxMembersDoesNotWrap()
    {
        var settings = new QuantisationSettings(FixedPointBits: 16, MaxMembers: 8);
        var sum = new uint[2];
        for (var k = 0; k < 8; k++)
        {
            UpdateQuantiser.AddInto(sum, UpdateQuantiser.Quantise([1e9f, -1e9f], settings, new Random(k), out var clipped));
            Assert.Equal(2, clipped);
        }

        Assert.Equal(8L * settings.IntegerBound, unchecked((int)sum[0]));
        Assert.Equal(-8L * settings.IntegerBound, unchecked((int)sum[1]));
        Assert.True(8L * settings.IntegerBound <= int.MaxValue);
    }

    [Fact]
    public void Quantise_StochasticRounding_IsUnbiased()
    {
        var settings = new QuantisationSettings(FixedPointBits: 2, MaxMembers: 1);
        var random = new Random(11);
        // 0.1 * 2^2 = 0.4: rounds to 1 with probability 0.4, else 0.
        var total = 0L;
        const int draws = 20000;
        for (var k = 0; k < draws; k++) total += unchecked((int)UpdateQuantiser.Quantise([0.1f], settings, random, out _)[0]);

        Assert.Equal(0.4, (double)total / draws, 0.02);
    }

    [Fact]
    public void Quantise_SameSeed_SameIntegers_NegativeAsTwosComplement()
    {
        var settings = new QuantisationSettings(FixedPointBits: 8, MaxMembers: 2);

        var a = UpdateQuantiser.Quantise([-1f, 0.5f], settings, new Random(3), out _);
        var b = UpdateQuantiser.Quantise([-1f, 0.5f], settings, new Random(3), out _);

        Assert.Equal(a, b);
        Assert.Equal(unchecked((uint)-256), a[0]);
        Assert.Equal(128u, a[1]);
    }

    [Fact]
    public void Quantise_NaN_IsRefusedNamingTheCoordinate()
    {
        var error = Assert.Throws<ArgumentException>(() => UpdateQuantiser.Quantise([0f, float.NaN], new QuantisationSettings(), new Random(1), out _));

        Assert.Contains("coordinate 1", error.Message);
    }
}
