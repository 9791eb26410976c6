using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Node.Cli;

/// <summary>`fedchain privacy epsilon`: the epsilon of a DP-SGD run, from the RDP accountant.</summary>
internal static class PrivacyEpsilonCommand
{
    public static Command Build()
    {
        var sampleRate = PrivacyOptions.SampleRate();
        var noise = PrivacyOptions.Positive(new Option<double>("--noise-multiplier")
        {
            Description = "Noise standard deviation divided by the clipping norm (sigma).",
            Required = true,
        });
        var steps = PrivacyOptions.Steps();
        var delta = PrivacyOptions.Delta();
        var conversion = PrivacyOptions.Conversion();
        var json = PrivacyOptions.Json();

        var command = new Command("epsilon", "Print the epsilon that T steps of the Poisson-sampled Gaussian mechanism spend at delta.")
        {
            sampleRate, noise, steps, delta, conversion, json,
        };
        command.SetAction(parse =>
        {
            var spent = new RdpAccountant().PeekPrivacySpent(
                new SampledGaussianSteps(parse.GetValue(sampleRate), parse.GetValue(noise), parse.GetValue(steps)),
                parse.GetValue(delta), parse.GetValue(conversion));
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(new Dictionary<string, double> { ["epsilon"] = spent.Epsilon })
                : string.Create(CultureInfo.InvariantCulture,
                    $"epsilon {spent.Epsilon:G6} at delta {spent.Delta:G3} ({parse.GetValue(conversion)} conversion, best Rényi order {spent.Order:G3})"));
            return 0;
        });
        return command;
    }
}
