using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation.Crypto;

namespace FedChain.Learning.Tests.SecureAggregation.Crypto;

public sealed class ShamirSecretSharingTests
{
    [Fact]
    public void Combine_AnyThresholdOfShares_GivesTheSecret()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var shares = ShamirSecretSharing.Split(secret, [1, 2, 3, 4, 5, 6, 7], threshold: 4);

        foreach (var subset in new[] { new[] { 1, 2, 3, 4 }, [4, 5, 6, 7], [1, 3, 5, 7], [2, 3, 5, 6, 7], [1, 2, 3, 4, 5, 6, 7] })
        {
            var combined = ShamirSecretSharing.Combine(subset.ToDictionary(x => x, x => shares[x]));
            Assert.Equal(secret, combined);
        }
    }

    [Fact]
    public void Combine_FewerThanThreshold_DoesNotGiveTheSecret()
    {
        var secret = RandomNumberGenerator.GetBytes(32);
        var shares = ShamirSecretSharing.Split(secret, [1, 2, 3, 4, 5], threshold: 3);

        var combined = ShamirSecretSharing.Combine(new Dictionary<int, byte[]> { [1] = shares[1], [2] = shares[2] });

        // Two points fix a line, not the parabola: the result matches the secret by chance in a byte
        // with probability 1/256, in all 32 with probability 2^-256.
        Assert.NotEqual(secret, combined);
    }

    [Fact]
    public void Split_SharesOfOneSecret_AreNotTheSecretItself()
    {
        var secret = new byte[32];
        var shares = ShamirSecretSharing.Split(secret, [1, 2, 3], threshold: 2);

        Assert.All(shares.Values, share => Assert.NotEqual(secret, share));
    }
}
