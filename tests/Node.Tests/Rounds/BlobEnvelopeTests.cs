using FedChain.Node.Identity;
using FedChain.Node.Rounds;

namespace FedChain.Node.Tests.Rounds;

public sealed class BlobEnvelopeTests
{
    [Fact]
    public void PeekHeader_ReadsWhatSealWrote_AndOpenAgrees()
    {
        using var key = NodeKey.Generate();
        var planHash = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();

        var blob = BlobEnvelope.Seal(key, EnvelopeKind.UtilityReport, planHash, 7, 123, [9, 8, 7]);
        var sut = BlobEnvelope.PeekHeader(blob)!;

        Assert.Equal(new EnvelopeHeader(EnvelopeKind.UtilityReport, planHash, 7, 123), sut with { PlanHash = planHash });
        Assert.Equal(planHash, sut.PlanHash);
        Assert.True(sut.IsFor(EnvelopeKind.UtilityReport, planHash));
        Assert.False(sut.IsFor(EnvelopeKind.Update, planHash));
        var opened = BlobEnvelope.Open(blob);
        Assert.Equal((sut.Kind, sut.Round, sut.SampleCount), (opened.Kind, opened.Round, opened.SampleCount));
        Assert.Equal(key.Address, opened.Signer);
        // Exact bytes: "FCB1", kind, plan hash, round u32 LE, samples u64 LE, body length i32 LE, body.
        Assert.Equal("FCB1"u8.ToArray(), blob[..4]);
        Assert.Equal([(byte)EnvelopeKind.UtilityReport], blob[4..5]);
        Assert.Equal(planHash, blob[5..37]);
        Assert.Equal(new byte[] { 7, 0, 0, 0, 123, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0, 0, 9, 8, 7 }, blob[37..56]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(52)]
    public void PeekHeader_ShortOrForeignBytes_IsNull(int length)
    {
        Assert.Null(BlobEnvelope.PeekHeader(new byte[length]));
        Assert.Null(BlobEnvelope.PeekHeader("{\"formatVersion\":1,\"schema\":{}}"u8));
    }
}
