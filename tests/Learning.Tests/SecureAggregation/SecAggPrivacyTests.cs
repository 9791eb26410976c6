using FedChain.Learning.SecureAggregation;
using FedChain.Learning.SecureAggregation.Messages;
using MathNet.Numerics.Distributions;
using static FedChain.Learning.Tests.SecureAggregation.SecAggTestRounds;

namespace FedChain.Learning.Tests.SecureAggregation;

/// <summary>What a peer sees: masked blobs that look uniform, and never both secrets of one member.</summary>
public sealed class SecAggPrivacyTests
{
    [Fact]
    public void MaskInput_EveryCoordinate_DiffersFromThePlainUpdateAndLooksUniform()
    {
        // A structured update (all zeros but a ramp) so any leak of the plain values would show.
        const int length = 200_000;
        using var sut = new LocalSecAggRound(Parameters(3, 2, length));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        var plain = Enumerable.Range(0, length).Select(i => (uint)(i % 7)).ToArray();

        sut.MaskInputs(new Dictionary<int, uint[]> { [1] = plain, [2] = plain, [3] = plain });

        // A uniform mask leaves a coordinate unchanged with probability 2^-32: over 200,000 coordinates
        // this assertion fails by chance with probability about 5e-5.
        var masked = sut.MaskedInputs.Single(m => m.Slot == 1).Values;
        Assert.All(Enumerable.Range(0, length), i => Assert.NotEqual(plain[i], masked[i]));
        // Chi-square tests of the top and bottom bytes against uniform over 256 bins: 255 degrees of
        // freedom, rejected at p = 1e-6 (critical value from the chi-square quantile).
        var critical = ChiSquared.InvCDF(255, 1 - 1e-6);
        Assert.True(ChiSquare(masked, v => v >> 24) < critical, "top byte is not uniform");
        Assert.True(ChiSquare(masked, v => v & 0xFF) < critical, "bottom byte is not uniform");
    }

    [Fact]
    public void Unmask_MemberDroppedAfterSharing_NeverHasItsSelfMaskRevealed()
    {
        using var sut = new LocalSecAggRound(Parameters(5, 3, 64));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        var inputs = Inputs([1, 2, 3, 4], 64, seed: 8); // slot 5 shared its keys, then dropped
        sut.MaskInputs(inputs);

        sut.Unmask();
        var sum = sut.Sum();

        var aboutDropped = sut.Responses.SelectMany(r => r.Shares).Where(s => s.Owner == 5).ToArray();
        Assert.Equal(4, aboutDropped.Length);
        Assert.All(aboutDropped, s => Assert.Equal(RevealedSecret.MaskKey, s.Secret));
        Assert.Equal(PlainSum(inputs.Values, 64), sum);
        // No member ever had both of one member's secrets revealed.
        Assert.All(sut.Responses.SelectMany(r => r.Shares).GroupBy(s => s.Owner), g => Assert.Single(g.Select(s => s.Secret).Distinct()));
    }

    [Fact]
    public void Unmask_AskedAgainWithTheDroppedMemberAsSurvivor_Refuses()
    {
        // A late masked input from slot 5 arrives after slot 5's mask key was revealed. A second
        // unmasking request that lists slot 5 as a survivor would hand out its self-mask seed too.
        using var sut = new LocalSecAggRound(Parameters(5, 3, 64));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        sut.MaskInputs(Inputs([1, 2, 3, 4], 64, seed: 9));
        sut.Unmask();

        var error = Assert.Throws<SecureAggregationException>(() => sut.Members[1].Unmask([1, 2, 3, 4, 5]));

        Assert.Contains("could reveal both masks", error.Message);
        Assert.Same(sut.Responses[0], sut.Members[1].Unmask([4, 3, 2, 1]));
    }

    [Fact]
    public void MaskInput_TamperedShare_IsRejectedNamingThePair()
    {
        using var round = new LocalSecAggRound(Parameters(3, 2, 8));
        round.AdvertiseKeys();
        var member = round.Members[1];
        member.ShareKeys(round.U1);
        var genuine = round.Members[3].ShareKeys(round.U1).Single(s => s.To == 1);
        var forged = genuine with { From = 2 };

        var error = Assert.Throws<SecureAggregationException>(() => member.MaskInput(new uint[8], [1, 2], [forged]));

        Assert.Contains("from slot 2 to slot 1 does not authenticate", error.Message);
    }

    [Fact]
    public void Steps_OutOfOrder_AreRefusedNamingThePhase()
    {
        using var round = new LocalSecAggRound(Parameters(3, 2, 8));

        var error = Assert.Throws<InvalidOperationException>(() => round.Members[1].Unmask([1, 2, 3]));

        Assert.Contains("Unmask needs phase InputMasked, but the member is in phase Created", error.Message);
    }

    private static double ChiSquare(uint[] values, Func<uint, uint> bin)
    {
        var counts = new long[256];
        foreach (var value in values) counts[bin(value)]++;
        var expected = values.Length / 256.0;
        return counts.Sum(c => (c - expected) * (c - expected) / expected);
    }
}
