using FedChain.Learning.SecureAggregation.Messages;

namespace FedChain.Learning.Tests.SecureAggregation.Messages;

public sealed class SecAggCodecTests
{
    [Fact]
    public void Encode_MaskedInput_WritesTheDocumentedBytes()
    {
        var bytes = SecAggCodec.Encode(new MaskedInput(258, [1, 0xAABBCCDD]));

        Assert.Equal(Convert.FromHexString("03" + "0102" + "00000008" + "01000000" + "DDCCBBAA"), bytes);
    }

    [Fact]
    public void Decode_EveryMessage_RoundTrips()
    {
        var messages = new object[]
        {
            new KeyAdvertisement(7, [2, 1, 2, 3], [3, 4, 5]),
            new EncryptedShare(1, 2, [9, 9, 9], [1, 2, 3, 4, 5]),
            new MaskedInput(3, [uint.MaxValue, 0, 42]),
            new UnmaskingShares(4, [new RevealedShare(1, RevealedSecret.SelfMaskSeed, [1, 2]), new RevealedShare(5, RevealedSecret.MaskKey, [3])]),
        };

        foreach (var message in messages)
        {
            var bytes = SecAggCodec.Encode(message);
            var decoded = SecAggCodec.Decode(bytes);
            Assert.Equal(message.GetType(), decoded.GetType());
            Assert.Equal(bytes, SecAggCodec.Encode(decoded));
        }
    }

    [Theory]
    [InlineData("09", "byte 0: unknown secure-aggregation message code 9")]
    [InlineData("0300010000", "byte 3: the message ends 2 byte(s) early")]
    [InlineData("030001000000040100000000", "byte 11: 1 bytes left over")]
    [InlineData("03000100000003010203", "byte 3: length 3 is not a multiple of 4")]
    public void Decode_BadBytes_NamesWhatAndWhere(string hex, string expected)
    {
        var error = Assert.Throws<FormatException>(() => SecAggCodec.Decode(Convert.FromHexString(hex)));

        Assert.Contains(expected, error.Message);
    }
}
