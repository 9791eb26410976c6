using System.Numerics;
using FedChain.Contracts.Client;

namespace FedChain.Contracts.Tests.Client;

public sealed class RevertDecoderTests
{
    private readonly RevertDecoder _sut = RevertDecoder.Default;

    [Fact]
    public void Decode_ReasonString_GivesError()
    {
        // Error("nope"): selector, offset 0x20, length 4, "nope" padded
        var data = "0x08c379a0" + "20".PadLeft(64, '0') + "4".PadLeft(64, '0') + "6e6f7065".PadRight(64, '0');

        var revert = _sut.Decode(data);

        Assert.Equal("Error", revert.Name);
        Assert.Equal("nope", revert["reason"]);
        Assert.Equal("Error(reason: \"nope\")", revert.ToString());
    }

    [Fact]
    public void Decode_Panic_GivesItsCode()
    {
        var revert = _sut.Decode("0x4e487b71" + "11".PadLeft(64, '0'));

        Assert.Equal("Panic", revert.Name);
        Assert.Equal(new BigInteger(0x11), revert["code"]);
    }

    [Fact]
    public void Decode_UnknownSelector_KeepsTheData()
    {
        var revert = _sut.Decode("0xdeadbeef");

        Assert.Equal("Unknown", revert.Name);
        Assert.Equal("0xdeadbeef", revert.Data);
    }
}
