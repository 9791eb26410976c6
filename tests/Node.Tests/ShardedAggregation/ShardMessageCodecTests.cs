using FedChain.Node.Blobs;
using FedChain.Node.Identity;
using FedChain.Node.ShardedAggregation;

namespace FedChain.Node.Tests.ShardedAggregation;

public sealed class ShardMessageCodecTests
{
    private static readonly BlobId Id = BlobId.Compute([1, 2, 3]);
    private static readonly BlobId Other = BlobId.Compute([4, 5, 6]);
    private static readonly NodeAddress Member = NodeAddress.FromBytes([.. Enumerable.Range(0, 20).Select(i => (byte)i)]);
    private static readonly string Claim = ChallengeAnswer.RefOf(Id.ToString());

    [Fact]
    public void Decode_EachMessage_RoundTrips()
    {
        var published = (ShardsPublished)ShardMessageCodec.Decode(ShardMessageCodec.Encode(new ShardsPublished("s", 12, [Id, Other])));
        var aggregated = (ShardAggregated)ShardMessageCodec.Decode(ShardMessageCodec.Encode(new ShardAggregated("s", 1, Id, ShardAggregated.ParticipantsHash([Member]))));
        var answers = (ChallengeAnswers)ShardMessageCodec.Decode(ShardMessageCodec.Encode(new ChallengeAnswers("s", [new ChallengeAnswer(Claim, 5)])));

        Assert.Equal(("s", 12), (published.Session, published.Length));
        Assert.Equal([Id, Other], published.Shards);
        Assert.Equal([Id, Id], ShardMessageCodec.DecodeShardList(ShardMessageCodec.EncodeShardList([Id, Id])));
        Assert.Equal(("s", 1, Id), (aggregated.Session, aggregated.Shard, aggregated.Aggregate));
        Assert.Equal(ShardAggregated.ParticipantsHash([Member]), aggregated.Participants);
        Assert.Equal(new ChallengeAnswer(Claim, 5), Assert.Single(answers.Answers));
    }

    [Fact]
    public void Encode_ShardsPublished_ExactBytes()
    {
        var bytes = ShardMessageCodec.Encode(new ShardsPublished("s", 2, [Id, Other]));

        // kind 1, fixarray(3), fixstr "s", fixint 2, bin8 of 64 bytes: the two shards' ids in order
        Assert.Equal([0x01, 0x93, 0xa1, (byte)'s', 0x02, 0xc4, 0x40, .. Id.ToBytes(), .. Other.ToBytes()], bytes);
    }

    [Theory]
    [InlineData(new byte[] { 0x09, 0x90 })]             // unknown kind
    [InlineData(new byte[] { 0x01, 0x93, 0xa1, 0x73 })] // truncated
    [InlineData(new byte[] { 0x01, 0x93, 0xa1, 0x73, 0x02, 0xc4, 0x01, 0x00 })] // a shard list of 1 byte
    public void Decode_Malformed_InvalidDataException(byte[] payload) =>
        Assert.Throws<InvalidDataException>(() => ShardMessageCodec.Decode(payload));

    [Fact]
    public void Decode_AnswerNotBelowTheModulus_InvalidDataException()
    {
        var bytes = ShardMessageCodec.Encode(new ChallengeAnswers("s", [new ChallengeAnswer(Claim, SumChallenge.Modulus)]));

        Assert.Throws<InvalidDataException>(() => ShardMessageCodec.Decode(bytes));
    }

    [Fact]
    public void Encode_ChallengeAnswers_PackedFixedEntries()
    {
        var bytes = ShardMessageCodec.Encode(new ChallengeAnswers("s", [new ChallengeAnswer(Claim, 5), new ChallengeAnswer(Claim, 0x0102030405060708)]));

        // kind 4, fixarray(2), fixstr "s", bin8 of 48 bytes: per answer the 16-byte claim reference and the value, 8 bytes big-endian
        byte[] reference = Convert.FromHexString(Claim);
        Assert.Equal([0x04, 0x92, 0xa1, (byte)'s', 0xc4, 0x30, .. reference, 0, 0, 0, 0, 0, 0, 0, 5, .. reference, 1, 2, 3, 4, 5, 6, 7, 8], bytes);
    }

    [Fact]
    public void Decode_VersionOneAnswers_StillDecodes()
    {
        // kind 3, fixarray(2), fixstr "s", fixarray(1) of [bin8 16-byte reference, fixint 5]
        byte[] bytes = [0x03, 0x92, 0xa1, (byte)'s', 0x91, 0x92, 0xc4, 0x10, .. Convert.FromHexString(Claim), 0x05];

        var answers = (ChallengeAnswers)ShardMessageCodec.Decode(bytes);

        Assert.Equal(("s", new ChallengeAnswer(Claim, 5)), (answers.Session, Assert.Single(answers.Answers)));
    }

    [Fact]
    public void Encode_ChallengeAnswers_SmallerThanVersionOne()
    {
        var answers = new ChallengeAnswers("s", [.. Enumerable.Range(0, 50).Select(i => new ChallengeAnswer(Claim, (ulong)i << 40))]);

        // 24 bytes an answer, where version 1 took 28 (an array header, a bin8 header and a uint64 marker each)
        Assert.Equal(4 + 3 + (50 * 24), ShardMessageCodec.Encode(answers).Length);
    }

    [Theory]
    [InlineData(23)] // not a whole entry
    [InlineData(25)]
    public void Decode_PackedAnswersOfPartEntries_InvalidDataException(int length)
    {
        byte[] bytes = [0x04, 0x92, 0xa1, (byte)'s', 0xc4, (byte)length, .. new byte[length]];

        var e = Assert.Throws<InvalidDataException>(() => ShardMessageCodec.Decode(bytes));
        Assert.Contains("multiple of 24", e.Message);
    }

    [Fact]
    public void Decode_VersionOneAnswerNotBelowTheModulus_InvalidDataException()
    {
        byte[] bytes = [0x03, 0x92, 0xa1, (byte)'s', 0x91, 0x92, 0xc4, 0x10, .. Convert.FromHexString(Claim), 0xcf, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff];

        var e = Assert.Throws<InvalidDataException>(() => ShardMessageCodec.Decode(bytes));
        Assert.Contains("not below the modulus", e.Message);
    }

    [Fact]
    public void Encode_AnswerWithMalformedClaimReference_ArgumentException() =>
        Assert.Throws<ArgumentException>(() => ShardMessageCodec.Encode(new ChallengeAnswers("s", [new ChallengeAnswer("abc", 1)])));
}
