using FedChain.Learning.SecureAggregation;
using static FedChain.Learning.Tests.SecureAggregation.SecAggTestRounds;

namespace FedChain.Learning.Tests.SecureAggregation;

/// <summary>
/// Whole rounds: the unmasked sum equals the plain sum bit for bit, with members dropping at each
/// point of the protocol. With n = 2t - 1 members the largest number of dropouts the round survives,
/// n - t, equals t - 1.
/// </summary>
public sealed class SecureSumTests
{
    private const int Length = 1000;

    [Theory]
    [InlineData(5, 3, 0)]
    [InlineData(5, 3, 1)]
    [InlineData(5, 3, 2)] // t - 1 dropouts
    [InlineData(7, 4, 3)] // t - 1 dropouts
    public void Sum_MembersDropAfterSharingKeys_EqualsThePlainSumOfSurvivors(int members, int threshold, int dropouts)
    {
        using var sut = new LocalSecAggRound(Parameters(members, threshold, Length));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        var survivors = Enumerable.Range(1, members - dropouts).ToArray();
        var inputs = Inputs(survivors, Length, seed: members * 10 + dropouts);

        sut.MaskInputs(inputs);
        sut.Unmask();
        var sum = sut.Sum();

        Assert.Equal(PlainSum(inputs.Values, Length), sum);
    }

    [Fact]
    public void Sum_DropoutsAtEveryStep_EqualsThePlainSumOfThoseWhoMasked()
    {
        // 9 members, t = 5: slot 9 never advertises, 8 advertises but never shares, 7 shares then
        // drops before masking, 6 masks and drops before unmasking. U3 = 1..6, answered by 1..5.
        using var sut = new LocalSecAggRound(Parameters(9, 5, Length));
        sut.AdvertiseKeys(Enumerable.Range(1, 8));
        sut.ShareKeys(Enumerable.Range(1, 7));
        var inputs = Inputs(Enumerable.Range(1, 6), Length, seed: 4);
        sut.MaskInputs(inputs);

        sut.Unmask(Enumerable.Range(1, 5));
        var sum = sut.Sum();

        Assert.Equal(PlainSum(inputs.Values, Length), sum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)] // t - 1 dropouts: each member's shares are held by itself and its 6 neighbours
    public void Sum_SparseNeighbourGraph_EqualsThePlainSum(int dropouts)
    {
        // SecAgg+ (Bell et al. 2020): 16 members, each masking with 6 neighbours; t = 4 of 7 holders.
        using var sut = new LocalSecAggRound(Parameters(16, 4, Length, neighbours: 6));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        // Drop a member together with some of its own neighbours: the hardest case for recovery.
        HashSet<int> dropped = dropouts == 0 ? [] : [1, .. sut.Graph.NeighboursOf(1).Order().Take(dropouts - 1)];
        var inputs = Inputs(Enumerable.Range(1, 16).Where(s => !dropped.Contains(s)), Length, seed: 40 + dropouts);

        sut.MaskInputs(inputs);
        sut.Unmask();
        var sum = sut.Sum();

        Assert.Equal(PlainSum(inputs.Values, Length), sum);
        Assert.All(Enumerable.Range(1, 16), slot => Assert.Equal(6, sut.Graph.NeighboursOf(slot).Count));
    }

    [Fact]
    public void Unmask_DropoutsPastTheThreshold_FailsCleanlyRevealingNothing()
    {
        using var sut = new LocalSecAggRound(Parameters(5, 3, Length));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        sut.MaskInputs(Inputs([1, 2], Length, seed: 1)); // t dropouts: 3 of 5 gone

        var error = Assert.Throws<SecureAggregationException>(() => sut.Unmask());

        Assert.Contains("U3: 2 member(s), below the threshold 3", error.Message);
        Assert.Empty(sut.Responses);
        Assert.All(new[] { 1, 2 }, slot => Assert.Equal(SecAggPhase.InputMasked, sut.Members[slot].Phase));
    }

    [Fact]
    public void Sum_TooFewUnmaskingResponses_FailsCleanly()
    {
        using var sut = new LocalSecAggRound(Parameters(5, 3, Length));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        sut.MaskInputs(Inputs([1, 2, 3, 4, 5], Length, seed: 2));
        sut.Unmask([1, 2]);

        var error = Assert.Throws<SecureAggregationException>(() => sut.Sum());

        Assert.Contains("the unmasking responses: 2 member(s), below the threshold 3", error.Message);
    }

    [Fact]
    public void ShareKeys_TooFewAdvertised_FailsBeforeAnythingIsShared()
    {
        using var sut = new LocalSecAggRound(Parameters(5, 3, Length));
        sut.AdvertiseKeys([1, 2]);

        var error = Assert.Throws<SecureAggregationException>(() => sut.ShareKeys());

        Assert.Contains("only 2 members advertised keys, below the threshold 3", error.Message);
    }

    [Fact]
    public void LocalRound_Costs_CountEncodedBytesOfEveryStep()
    {
        using var sut = new LocalSecAggRound(Parameters(3, 2, 256));
        sut.AdvertiseKeys();
        sut.ShareKeys();
        sut.MaskInputs(Inputs([1, 2, 3], 256, seed: 3));
        sut.Unmask();
        sut.Sum();

        var masking = sut.Costs.Where(c => c.Step == "mask-input").ToArray();
        Assert.Equal(3, masking.Length);
        // code + slot + length + 4 bytes per value
        Assert.All(masking, c => Assert.Equal(1 + 2 + 4 + 4 * 256, c.BytesSent));
        // two envelopes each: code + from + to + nonce (length, 12) + ciphertext (length, 68 + 16-byte tag)
        Assert.Equal(3, sut.Costs.Count(c => c.Step == "share-keys" && c.BytesSent == 2 * (1 + 2 + 2 + 4 + 12 + 4 + 84)));
        Assert.Single(sut.Costs, c => c.Step == "unmask-sum");
    }
}
