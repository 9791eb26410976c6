using FedChain.Learning.Compression;
using FedChain.Learning.Plans;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Compression;

public sealed class UpdateCompressionTests
{
    private static TrainingPlan Plan(CompressionSettings settings) => TestPlans.Heart() with { Compression = settings };

    private static uint[] Update(int length, int seed, int magnitude = 100_000)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, length).Select(_ => unchecked((uint)random.Next(-magnitude, magnitude)))];
    }

    [Fact]
    public void Int4_FirstChunk_PacksTheExactWords()
    {
        var settings = new CompressionSettings(CompressionMethod.Int4, ChunkSize: 4);
        // max |q| = 70, L = 7: scale 10; codes 7, -7, 3, 0 (exact multiples: no random rounding happens).
        var words = StochasticCodes.Encode(settings, [70, -70, 30, 0], integerBound: 1 << 27, new Random(1));

        Assert.Equal([10u, 0x0397u], words);
        Assert.Equal([70, -70, 30, 0], StochasticCodes.Decode(settings, words, 4, 1 << 27));
    }

    [Theory]
    [InlineData(CompressionMethod.Int8, 127)]
    [InlineData(CompressionMethod.Int4, 7)]
    public void Codes_DecodeWithinOneScaleStep_AndAreUnbiasedOnAverage(CompressionMethod method, int level)
    {
        var settings = new CompressionSettings(method, ChunkSize: 64);
        var values = Update(256, 2).Select(v => unchecked((int)v)).ToArray();
        var mean = new double[values.Length];
        const int draws = 400;
        var rounding = new Random(7);
        for (var d = 0; d < draws; d++)
        {
            var decoded = StochasticCodes.Decode(settings, StochasticCodes.Encode(settings, values, 1 << 27, rounding), values.Length, 1 << 27);
            for (var i = 0; i < values.Length; i++)
            {
                var step = Math.Ceiling(values.Skip(i / 64 * 64).Take(64).Max(v => Math.Abs((double)v)) / level);
                Assert.True(Math.Abs(decoded[i] - values[i]) <= step, $"coordinate {i}: {decoded[i]} vs {values[i]}, step {step}");
                mean[i] += decoded[i] / (double)draws;
            }
        }

        // Unbiased: the average decoded value approaches q (the chunk's step over sqrt(draws), with margin).
        Assert.All(Enumerable.Range(0, values.Length), i => Assert.True(Math.Abs(mean[i] - values[i]) < 100_000.0 / level / Math.Sqrt(draws) * 2, $"coordinate {i}: mean {mean[i]} vs {values[i]}"));
    }

    [Fact]
    public void Codes_AScaleNoEncoderWrites_IsRefusedWithWhere()
    {
        var settings = new CompressionSettings(CompressionMethod.Int8, ChunkSize: 4);
        var words = StochasticCodes.Encode(settings, [1, 2, 3, 4], 1 << 27, new Random(0));
        words[0] = 0;

        var e = Assert.Throws<InvalidDataException>(() => StochasticCodes.Decode(settings, words, 4, 1 << 27));
        Assert.Contains("chunk 0 has scale 0", e.Message);
    }

    [Fact]
    public void RandomK_EveryMemberSendsTheSameCoordinates_SoTheSumOfWordsExpandsToTheSumOfUpdates()
    {
        var plan = Plan(new CompressionSettings(CompressionMethod.RandomK, Fraction: 0.3, ErrorFeedback: false));
        var members = Enumerable.Range(0, 4).Select(i => Update(plan.UpdateLength, i)).ToList();
        var words = members.Select((u, i) => UpdateCompression.Compress(plan, u, null, round: 3, site: $"site-{i}").Words).ToList();

        var sumOfWords = new uint[plan.WireLength];
        foreach (var w in words) UpdateQuantiser.AddInto(sumOfWords, w);
        var sumOfExpanded = new uint[plan.UpdateLength];
        foreach (var w in words) UpdateQuantiser.AddInto(sumOfExpanded, UpdateCompression.Expand(plan, w, 3));

        Assert.Equal(sumOfExpanded, UpdateCompression.Expand(plan, sumOfWords, 3));
        Assert.Equal(plan.Compression!.Kept(plan.UpdateLength), plan.WireLength);
        Assert.NotEqual(RandomKCodec.Coordinates(plan.UpdateLength, plan.WireLength, plan.Seed, 3), RandomKCodec.Coordinates(plan.UpdateLength, plan.WireLength, plan.Seed, 4));
    }

    [Fact]
    public void TopK_KeepsTheLargestMagnitudes_AndRefusesIndicesThatDoNotAscend()
    {
        var words = TopKCodec.Encode([5, -90, 3, 40, -7], kept: 2);

        Assert.Equal([1u | (3u << 16), unchecked((uint)-90), 40u], words);
        Assert.Equal([0u, unchecked((uint)-90), 0u, 40u, 0u], TopKCodec.Expand(words, 5, 2));
        Assert.Throws<InvalidDataException>(() => TopKCodec.Expand([3u | (1u << 16), 1u, 2u], 5, 2));
    }

    [Theory]
    [InlineData(CompressionMethod.Int4)]
    [InlineData(CompressionMethod.RandomK)]
    [InlineData(CompressionMethod.TopK)]
    public void ErrorFeedback_WhatWasSentPlusTheNewResidual_IsTheUpdatePlusTheOldResidual(CompressionMethod method)
    {
        var plan = Plan(new CompressionSettings(method, ChunkSize: 16, Fraction: 0.25));
        var update = Update(plan.UpdateLength, 5);
        var old = Update(plan.UpdateLength, 6, magnitude: 1000).Select(v => (long)unchecked((int)v)).ToArray();

        var (words, residual) = UpdateCompression.Compress(plan, update, old, round: 2, site: "cleveland");

        var sent = UpdateCompression.Expand(plan, words, 2);
        Assert.All(Enumerable.Range(0, update.Length), i => Assert.Equal(unchecked((int)update[i]) + old[i], unchecked((int)sent[i]) + residual![i]));
    }
}
