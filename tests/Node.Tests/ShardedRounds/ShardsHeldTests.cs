using FedChain.Node.Blobs;
using FedChain.Node.ShardedRounds;

namespace FedChain.Node.Tests.ShardedRounds;

/// <summary>The keepers' signed word that they hold shards, by their 32-byte ids.</summary>
public sealed class ShardsHeldTests
{
    [Fact]
    public void Encode_TwoShards_WritesTheSessionAndTheIds()
    {
        var ids = new[] { BlobId.Compute([1]), BlobId.Compute([2]) };
        var sut = new ShardsHeld("plan-1/round-2", ids);

        var bytes = sut.Encode();
        var back = ShardsHeld.Decode(bytes);

        // fixarray 2, fixstr 14 "plan-1/round-2", bin8 64 and the two ids.
        Assert.Equal([0x92, 0xae, .. "plan-1/round-2"u8.ToArray(), 0xc4, 64, .. ids[0].ToBytes(), .. ids[1].ToBytes()], bytes);
        Assert.Equal(sut.Session, back.Session);
        Assert.Equal(ids, back.Shards);
    }

    [Fact]
    public void Decode_RefusesTrailingBytesBadListsAndOtherShapes()
    {
        var good = new ShardsHeld("s", [BlobId.Compute([1])]).Encode();

        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[.. good, 0]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x92, 0xa1, (byte)'s', 0xc4, 3, 1, 2, 3]));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x91, 0xa1, (byte)'s']));
        Assert.Throws<InvalidDataException>(() => ShardsHeld.Decode((byte[])[0x93, 0xa1, (byte)'s', 0xc4, 0, 0xc4, 0]));
    }
}
