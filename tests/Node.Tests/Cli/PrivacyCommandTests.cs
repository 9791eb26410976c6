using System.CommandLine;
using System.Text.Json;
using FedChain.Node.Cli;

namespace FedChain.Node.Tests.Cli;

public sealed class PrivacyCommandTests
{
    [Fact]
    public void Epsilon_PublishedExampleWithJson_PrintsTheReferenceEpsilon()
    {
        // tensorflow/privacy's MNIST example: q = 256/60000, sigma 1.1, 60 epochs, classic conversion -> 3.01.
        var (exitCode, output, _) = Run("privacy", "epsilon", "--sample-rate", (256.0 / 60000).ToString("R"),
            "--noise-multiplier", "1.1", "--steps", "14062", "--delta", "1e-5", "--conversion", "classic", "--json");

        Assert.Equal(0, exitCode);
        var epsilon = JsonDocument.Parse(output).RootElement.GetProperty("epsilon").GetDouble();
        Assert.Equal(3.01, epsilon, 0.005);
    }

    [Fact]
    public void Noise_TargetEpsilon_PrintsASigmaThatMeetsIt()
    {
        var (exitCode, output, _) = Run("privacy", "noise", "--target-epsilon", "3", "--sample-rate", "0.01",
            "--steps", "1000", "--delta", "1e-5", "--json");

        Assert.Equal(0, exitCode);
        var root = JsonDocument.Parse(output).RootElement;
        Assert.InRange(root.GetProperty("epsilon").GetDouble(), 2.99, 3.0);
        Assert.InRange(root.GetProperty("noiseMultiplier").GetDouble(), 0.5, 1.5);
    }

    [Theory]
    [InlineData("--sample-rate", "1.5", "--sample-rate must be > 0 and <= 1")]
    [InlineData("--delta", "0", "--delta must lie in (0, 1)")]
    [InlineData("--steps", "0", "--steps must be at least 1")]
    public void Epsilon_BadOption_ErrorNamesTheOption(string option, string value, string expected)
    {
        var args = new Dictionary<string, string>
        {
            ["--sample-rate"] = "0.01", ["--noise-multiplier"] = "1", ["--steps"] = "10", ["--delta"] = "1e-5",
            [option] = value,
        };

        var result = FedChainCommandLine.Build().Parse(["privacy", "epsilon", .. args.SelectMany(kv => new[] { kv.Key, kv.Value })]);

        Assert.Contains(result.Errors, e => e.Message.Contains(expected, StringComparison.Ordinal));
    }

    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = FedChainCommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exitCode, output.ToString(), error.ToString());
    }
}
