using FedChain.Node.Demo;

namespace FedChain.Node.Tests.Privacy;

public sealed class DemoOptionsTests
{
    private static DemoOptions Options(double? epsilon, double? delta) => new("out", 3, 30, 42, "data", epsilon, delta);

    [Theory]
    [InlineData(0.0, null, "--dp-epsilon must be a positive number")]
    [InlineData(double.PositiveInfinity, null, "--dp-epsilon must be a positive number")]
    [InlineData(null, 1e-5, "--dp-delta needs --dp-epsilon")]
    [InlineData(3.0, 1.0, "--dp-delta must lie in (0, 1)")]
    public void Validate_RefusesBadDpOptions_NamingTheOption(double? epsilon, double? delta, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => Options(epsilon, delta).Validate());
        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void Validate_AcceptsEpsilonAlone_AndWithDelta()
    {
        Assert.Equal(3, Options(3, null).Validate().DpEpsilon);
        Assert.Equal(1e-6, Options(3, 1e-6).Validate().DpDelta);
    }
}
