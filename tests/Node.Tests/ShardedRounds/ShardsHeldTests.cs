using System.Security.Cryptography;
using FedChain.Node.Blobs;
using FedChain.Node.ShardedRounds;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>The keepers' signed word that they hold shards: salted 12-byte tags in place of 32-byte ids.</summary>
public sealed class ShardsHeldTests
{
    private static readonly byte[] Salt = [.. Enumerable.Range(1, ShardsHeld.SaltBytes).Select(i => (byte)i)];

    [Fact]
    public void Encode_TwoShards_WritesTheSessionTheSaltAndTwelveBytesATag()
    {
        var ids = new[] { BlobId.Compute([1]), BlobId.Compute([2]) };
        var sut = ShardsHeld.Of("plan-1/round-2", ids, Salt);

        var bytes = sut.Encode();

        // fixarray 3, fixstr 14 "plan-1/round-2", bin8 16 and the salt, bin8 24 and SHA-256(salt ‖ id)[..12] of each id.
        Assert.Equal([0x93, 0xae, .. "plan-1/round-2"u8.ToArray(), 0xc4, 16, .. Salt, 0xc4, 24, .. Tag(ids[0]), .. Tag(ids[1])], bytes);
    }

    [Fact]
    public void Decode_OfEncode_ListsTheShardsAndNoOther()
    {
        var ids = Enumerable.Range(0, 50).Select(i => BlobId.Compute([(byte)i])).ToList();

        var sut = ShardsHeld.Decode(ShardsHeld.Of("s", ids).Encode());

        Assert.Equal("s", sut.Session);
        Assert.Equal(50, sut.Count);
        Assert.All(ids, id => Assert.True(sut.Lists(id)));
        Assert.All(Enumerable.Range(50, 200).Select(i => BlobId.Compute([(byte)i])), id => Assert.False(sut.Lists(id)));
    }

    [Fact]
    public void Of_TwoWords_DrawAFreshSaltEach()
    {
        var ids = new[] { BlobId.Compute([1]) };

        Assert.NotEqual(ShardsHeld.Of("s", ids).Encode(), ShardsHeld.Of("s", ids).Encode());
    }

    [Fact]
    public void Encode_FiftyShards_TakesUnderHalfTheBytesOfTheirIds()
    {
        var ids = Enumerable.Range(0, 50).Select(i => BlobId.Compute([(byte)i])).ToList();

        Assert.InRange(ShardsHeld.Of("plan-1/round-2", ids).Encode().Length, 1, 50 * BlobId.Length / 2);
    }

    [Fact]
    public void Decode_RefusesTrailingBytesBadSaltsBadTagsAndTheOldShape()
    {
        var good = ShardsHeld.Of("s", [BlobId.Compute([1])], Salt).Encode();

        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[.. good, 0]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x93, 0xa1, (byte)'s', 0xc4, 3, 1, 2, 3, 0xc4, 0]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x93, 0xa1, (byte)'s', 0xc4, 16, .. Salt, 0xc4, 5, 1, 2, 3, 4, 5]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x92, 0xa1, (byte)'s', 0xc4, 32, .. BlobId.Compute([1]).ToBytes()]));
    }

    private static byte[] Tag(BlobId id) => SHA256.HashData([.. Salt, .. id.ToBytes()])[..ShardsHeld.TagBytes];
}
