using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Learning.Tests.Privacy.Accounting;

/// <summary>
/// The accountant against reference values. Expected epsilons come from a local re-implementation
/// of the reference RDP accountant (tensorflow/privacy, Opacus `rdp` analysis) in mpmath at 40
/// digits: integer orders by the exact binomial sum, fractional orders by numerical integration of
/// A_a = E_{z~N(0,s^2)}[((1-q) + q e^((2z-1)/(2s^2)))^a] (MTZ 2019, §3.3), over the same orders
/// (1.1..10.9 step 0.1, 12..63) and the same conversions. The first row is the published example
/// (tensorflow/privacy MNIST tutorial: q = 256/60000, sigma 1.1, 60 epochs, delta 1e-5, eps 3.01).
/// </summary>
public sealed class RdpAccountantTests
{
    public static TheoryData<double, double, long, double, double, double> ReferencePoints => new()
    {
        // q, sigma, steps, delta, classic epsilon, improved epsilon
        { 256.0 / 60000, 1.1, 14062, 1e-5, 3.008272082533034, 2.5965558689532973 },
        { 0.01, 1.0, 1000, 1e-5, 2.5379828801793876, 2.1013652716483953 },
        { 0.001, 0.8, 10000, 1e-6, 2.1259192636046595, 1.7036252805967107 },
        { 0.05, 2.0, 500, 1e-5, 3.2043587522656782, 2.7685845307986114 },
        { 0.02, 1.3, 1500, 1e-5, 3.8115329829875177, 3.32130255178459 },
        { 1.0, 5.0, 10, 1e-5, 3.234858613811872, 2.8136532471298397 },
        { 0.1, 0.6, 100, 1e-3, 18.741401145938465, 17.09605759227732 },
    };

    [Theory]
    [MemberData(nameof(ReferencePoints))]
    public void Epsilon_ClassicConversion_MatchesReferenceWithinOnePercent(double q, double sigma, long steps, double delta, double classic, double improved)
    {
        _ = improved;

        var epsilon = RdpAccountant.Epsilon(q, sigma, steps, delta, EpsilonConversion.Classic);

        Assert.InRange(epsilon, classic * 0.99, classic * 1.01);
    }

    [Theory]
    [MemberData(nameof(ReferencePoints))]
    public void Epsilon_ImprovedConversion_MatchesReferenceWithinOnePercent(double q, double sigma, long steps, double delta, double classic, double improved)
    {
        _ = classic;

        var epsilon = RdpAccountant.Epsilon(q, sigma, steps, delta);

        Assert.InRange(epsilon, improved * 0.99, improved * 1.01);
    }

    [Theory]
    // q, sigma, order, RDP of one step: from the same mpmath re-implementation (quadrature for fractional orders).
    [InlineData(0.01, 1.0, 2.5, 0.00021757533228188047)]
    [InlineData(0.1, 0.6, 1.5, 0.06655369121001888)]
    [InlineData(256.0 / 60000, 1.1, 10.9, 0.00013779841911786038)]
    [InlineData(0.05, 2.0, 33, 1.0424036765160656)]
    public void SampledGaussianRdp_AtOneOrder_MatchesNumericalIntegration(double q, double sigma, double order, double expected)
    {
        var rdp = SampledGaussianRdp.Compute(q, sigma, order);

        Assert.Equal(expected, rdp, expected * 1e-6);
    }

    [Fact]
    public void SampledGaussianRdp_WithoutSubsampling_IsThePlainGaussian()
    {
        Assert.Equal(3 / (2 * 1.5 * 1.5), SampledGaussianRdp.Compute(1.0, 1.5, 3), 12);
    }

    [Fact]
    public void Record_InSeveralRuns_EqualsOneRunOfTheSameSteps()
    {
        var sut = new RdpAccountant();
        sut.Record(0.01, 1.0, 300);
        sut.Record(0.01, 1.0, 700);

        Assert.Equal(RdpAccountant.Epsilon(0.01, 1.0, 1000, 1e-5), sut.GetPrivacySpent(1e-5).Epsilon, 12);
        Assert.Equal(1000, sut.TotalSteps);
    }

    [Fact]
    public void Record_MixedNoise_AddsTheRdpCurves()
    {
        var sut = new RdpAccountant();
        sut.Record(0.02, 1.0, 100);
        sut.Record(0.05, 2.0, 50);

        var expected = SampledGaussianRdp.Compute(0.02, 1.0, RdpOrders.Default)
            .Zip(SampledGaussianRdp.Compute(0.05, 2.0, RdpOrders.Default), (a, b) => 100 * a + 50 * b).ToArray();
        Assert.Equal(expected, sut.Rdp);
    }

    [Fact]
    public void Epsilon_Improved_IsNeverLooserThanClassic()
    {
        foreach (var steps in new long[] { 1, 10, 100, 1000, 10000 })
        {
            var classic = RdpAccountant.Epsilon(0.01, 0.9, steps, 1e-5, EpsilonConversion.Classic);
            var improved = RdpAccountant.Epsilon(0.01, 0.9, steps, 1e-5);
            Assert.True(improved <= classic, $"{steps} steps: improved {improved} > classic {classic}");
        }
    }

    [Fact]
    public void DefaultOrders_AreTheReferenceList()
    {
        Assert.Equal(99 + 52, RdpOrders.Default.Count);
        Assert.Equal(1.1, RdpOrders.Default[0]);
        Assert.Equal(10.9, RdpOrders.Default[98], 12);
        Assert.Equal(12, RdpOrders.Default[99]);
        Assert.Equal(63, RdpOrders.Default[^1]);
    }

    [Theory]
    [InlineData(-0.1, 1.0)]
    [InlineData(1.5, 1.0)]
    [InlineData(0.1, -1.0)]
    [InlineData(double.NaN, 1.0)]
    public void Epsilon_InvalidMechanism_NamesTheParameter(double q, double sigma)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => RdpAccountant.Epsilon(q, sigma, 10, 1e-5));

        Assert.Contains(q is < 0 or > 1 or double.NaN ? "sampleRate" : "noiseMultiplier", error.ParamName);
    }
}
