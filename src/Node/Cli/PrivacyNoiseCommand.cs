using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Node.Cli;

/// <summary>`fedchain privacy noise`: the smallest noise multiplier that meets a target epsilon.</summary>
internal static class PrivacyNoiseCommand
{
    public static Command Build()
    {
        var target = PrivacyOptions.Positive(new Option<double>("--target-epsilon")
        {
            Description = "The epsilon the whole run may spend.",
            Required = true,
        });
        var sampleRate = PrivacyOptions.SampleRate();
        var steps = PrivacyOptions.Steps();
        var delta = PrivacyOptions.Delta();
        var conversion = PrivacyOptions.Conversion();
        var json = PrivacyOptions.Json();

        var command = new Command("noise", "Print the smallest noise multiplier whose run of T steps stays within the target epsilon.")
        {
            target, sampleRate, steps, delta, conversion, json,
        };
        command.SetAction(parse =>
        {
            double sigma;
            try
            {
                sigma = NoiseMultiplierSearch.ForTargetEpsilon(
                    parse.GetValue(target), parse.GetValue(sampleRate), parse.GetValue(steps), parse.GetValue(delta), parse.GetValue(conversion));
            }
            catch (ArgumentOutOfRangeException error) when (error.ParamName == "targetEpsilon")
            {
                parse.InvocationConfiguration.Error.WriteLine($"--target-epsilon: {error.Message}");
                return 1;
            }
            var epsilon = RdpAccountant.Epsilon(parse.GetValue(sampleRate), sigma, parse.GetValue(steps), parse.GetValue(delta), parse.GetValue(conversion));
            parse.InvocationConfiguration.Output.WriteLine(parse.GetValue(json)
                ? JsonSerializer.Serialize(new Dictionary<string, double> { ["noiseMultiplier"] = sigma, ["epsilon"] = epsilon })
                : string.Create(CultureInfo.InvariantCulture,
                    $"noise multiplier {sigma:G6} (epsilon {epsilon:G6} at delta {parse.GetValue(delta):G3}, {parse.GetValue(conversion)} conversion)"));
            return 0;
        });
        return command;
    }
}
