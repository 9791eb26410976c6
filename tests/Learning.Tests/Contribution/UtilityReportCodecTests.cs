using System.Text;
using FedChain.Learning.Contribution;

namespace FedChain.Learning.Tests.Contribution;

public sealed class UtilityReportCodecTests
{
    private static readonly UtilityReport Sample = new(
        "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff", 3, "va", 45,
        [new(Coalition.Empty, 700_000_000), new(new Coalition(5), -2)]);

    [Fact]
    public void Encode_WritesTheDocumentedBytes()
    {
        var expected = Encoding.ASCII.GetBytes("fedchain/utility-report/v1")
            .Concat(Convert.FromHexString(Sample.PlanHash))
            .Concat(Convert.FromHexString("00000003" + "0002" + "7661" + "000000000000002D" + "00000002"))
            .Concat(Convert.FromHexString("0000000000000000" + "0000000029B92700"))
            .Concat(Convert.FromHexString("0000000000000005" + "FFFFFFFFFFFFFFFE"))
            .ToArray();

        Assert.Equal(expected, UtilityReportCodec.Encode(Sample));
    }

    [Fact]
    public void Decode_OfEncode_GivesTheSameReport()
    {
        var sut = UtilityReportCodec.Decode(Sample.CanonicalBytes());

        Assert.Equal(Sample.CanonicalBytes(), sut.CanonicalBytes());
        Assert.Equal(Sample.Utilities, sut.Utilities);
        Assert.Equal((Sample.PlanHash, Sample.Round, Sample.Member, Sample.ValidationRows), (sut.PlanHash, sut.Round, sut.Member, sut.ValidationRows));
    }

    [Fact]
    public void Decode_TruncatedBytes_NameWhatIsMissing()
    {
        var bytes = Sample.CanonicalBytes();

        var error = Assert.Throws<FormatException>(() => UtilityReportCodec.Decode(bytes.AsSpan(0, 40)));

        Assert.Contains("plan hash", error.Message);
    }

    [Fact]
    public void Encode_SubsetsOutOfOrder_AreRefused()
    {
        var bad = Sample with { Utilities = [.. Sample.Utilities.Reverse()] };

        var error = Assert.Throws<ArgumentException>(() => UtilityReportCodec.Encode(bad));

        Assert.Contains("ascending", error.Message);
    }
}
