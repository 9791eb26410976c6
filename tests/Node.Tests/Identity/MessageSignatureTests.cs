using System.Text;
using FedChain.Node.Identity;

namespace FedChain.Node.Tests.Identity;

public sealed class MessageSignatureTests
{
    private static readonly SignatureDomain Domain = new("fedchain-test");

    [Fact]
    public void FromPrivateKey_KnownEthereumKey_HasItsKnownAddress()
    {
        // The account used in the web3.js documentation ("web3.eth.accounts.privateKeyToAccount").
        using var sut = NodeKey.FromPrivateKey(Convert.FromHexString("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318"));

        Assert.Equal("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23", sut.Address.ToString());
    }

    [Fact]
    public void TryRecover_SignedMessage_RecoversTheSigner()
    {
        using var sut = NodeKey.Generate();
        var message = Encoding.UTF8.GetBytes("round 3 commitment");

        var signature = sut.Sign(Domain, message);

        Assert.Equal(65, signature.Length);
        Assert.True(MessageSignature.TryRecover(Domain, message, signature, out var signer));
        Assert.Equal(sut.Address, signer);
    }

    [Fact]
    public void TryRecover_OtherMessageOrDomain_RecoversSomeoneElse()
    {
        using var sut = NodeKey.Generate();
        var signature = sut.Sign(Domain, [1, 2, 3]);

        Assert.True(MessageSignature.TryRecover(Domain, [1, 2, 4], signature, out var fromOtherMessage));
        Assert.True(MessageSignature.TryRecover(new SignatureDomain("other"), [1, 2, 3], signature, out var fromOtherDomain));
        Assert.NotEqual(sut.Address, fromOtherMessage);
        Assert.NotEqual(sut.Address, fromOtherDomain);
    }

    [Theory]
    [InlineData(64)]
    [InlineData(66)]
    public void TryRecover_WrongLength_Fails(int length)
    {
        Assert.False(MessageSignature.TryRecover(Domain, [1], new byte[length], out _));
    }

    [Fact]
    public void TryRecover_HighS_IsRefusedAsNonCanonical()
    {
        using var sut = NodeKey.Generate();
        var signature = sut.Sign(Domain, [5]);
        // s' = n - s is the other valid signature of the same message (EIP-2 forbids it).
        var n = System.Numerics.BigInteger.Parse("0FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", System.Globalization.NumberStyles.HexNumber);
        var s = new System.Numerics.BigInteger(signature.AsSpan(32, 32), isUnsigned: true, isBigEndian: true);
        var highS = (n - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        var malleated = signature.ToArray();
        highS.CopyTo(malleated, 32 + (32 - highS.Length));
        malleated[64] = (byte)(signature[64] == 27 ? 28 : 27);

        Assert.False(MessageSignature.TryRecover(Domain, [5], malleated, out _));
    }
}
