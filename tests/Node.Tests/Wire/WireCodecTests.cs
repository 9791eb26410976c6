using System.Buffers;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Tests.Wire;

public sealed class WireCodecTests
{
    [Fact]
    public void Encode_ChunkRequest_HasTheExactBytes()
    {
        var id = Enumerable.Range(0, 32).Select(i => (byte)i).ToArray();

        var frame = WireCodec.Encode(new ChunkRequest(id, 5));

        // length 38 | version 1 | code 0x23 | fixarray(2) bin8(32) <id> fixint 5
        var expected = Convert.FromHexString("00000026" + "01" + "23" + "92" + "c420" + Convert.ToHexString(id) + "05");
        Assert.Equal(expected, frame);
    }

    [Fact]
    public void Encode_Chunk_IsTheMessagePackArrayOfIdIndexAndData()
    {
        var id = Enumerable.Repeat((byte)0xAB, 32).ToArray();
        var data = Enumerable.Range(0, 300).Select(i => (byte)i).ToArray();

        var frame = WireCodec.Encode(new Chunk(id, 1000, data));

        // fixarray(3) | bin8(32) id | uint16 1000 | bin16(300) data
        var body = "93" + "c420" + Convert.ToHexString(id) + "cd03e8" + "c5012c" + Convert.ToHexString(data);
        Assert.Equal(Convert.FromHexString($"{(body.Length / 2) + 2:X8}0124" + body), frame);
        var decoded = Assert.IsType<Chunk>(Decode(frame));
        Assert.Equal(1000, decoded.Index);
        Assert.Equal(data, decoded.Data.ToArray());
    }

    [Fact]
    public void Decode_EncodedMessages_RoundTrip()
    {
        IWireMessage[] messages =
        [
            new Hello("fedchain/1", "10.0.0.1:7000"),
            new Publish("round", 42, 1_700_000_000_000, [1, 2], new byte[65], 6),
            new Manifest(new byte[32], 5, 2, new byte[96]),
            new PeerExchange([new PeerRecord(new byte[20], "host:1")]),
        ];

        foreach (var message in messages)
        {
            var decoded = Decode(WireCodec.Encode(message));
            Assert.Equal(message.Code, decoded.Code);
            Assert.Equal(WireCodec.Encode(message), WireCodec.Encode(decoded));
        }
    }

    [Fact]
    public void Decode_TrailingBytes_IsMalformed()
    {
        var frame = WireCodec.Encode(new Graft());
        var longer = new byte[frame.Length + 1];
        frame.CopyTo(longer, 0);
        longer[3]++;

        Assert.Throws<MalformedFrameException>(() => Decode(longer));
    }

    [Fact]
    public void Decode_UnknownCodeOrVersion_IsMalformed()
    {
        var frame = WireCodec.Encode(new Graft());
        frame[5] = 0x7F;
        Assert.Contains("unknown message code", Assert.Throws<MalformedFrameException>(() => Decode(frame)).Message, StringComparison.Ordinal);

        frame = WireCodec.Encode(new Graft());
        frame[4] = 2;
        Assert.Contains("version 2", Assert.Throws<MalformedFrameException>(() => Decode(frame)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_ManifestWithWrongHashCount_IsMalformed()
    {
        var frame = WireCodec.Encode(new Manifest(new byte[32], 5000, 1000, new byte[32]));

        Assert.Throws<MalformedFrameException>(() => Decode(frame));
    }

    [Fact]
    public void TryRead_LengthOverTheCap_IsOversize()
    {
        var buffer = new ReadOnlySequence<byte>(Convert.FromHexString("0010000101"));

        Assert.Equal(FrameParse.Oversize, FrameReader.TryRead(ref buffer, 1024 * 1024, out _));
    }

    [Fact]
    public void TryRead_PartialFrame_NeedsMoreAndConsumesNothing()
    {
        var frame = WireCodec.Encode(new Prune());
        var buffer = new ReadOnlySequence<byte>(frame, 0, frame.Length - 1);

        Assert.Equal(FrameParse.NeedMore, FrameReader.TryRead(ref buffer, 1024, out _));
        Assert.Equal(frame.Length - 1, buffer.Length);
    }

    private static IWireMessage Decode(byte[] frame)
    {
        var buffer = new ReadOnlySequence<byte>(frame);
        Assert.Equal(FrameParse.Frame, FrameReader.TryRead(ref buffer, 1024 * 1024, out var parsed));
        Assert.True(buffer.IsEmpty);
        return WireCodec.Decode(parsed);
    }
}
