using System.CommandLine;
using FedChain.Learning.Privacy.Accounting;

namespace FedChain.Node.Cli;

/// <summary>The options shared by the `privacy` subcommands, each validated with an error that names it.</summary>
internal static class PrivacyOptions
{
    public static Option<double> SampleRate() =>
        Positive(new Option<double>("--sample-rate") { Description = "Poisson sampling rate q: expected batch size / dataset size, in (0, 1].", Required = true }, max: 1);

    public static Option<long> Steps()
    {
        var option = new Option<long>("--steps") { Description = "Number of DP-SGD steps T.", Required = true };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 1) result.AddError("--steps must be at least 1");
        });
        return option;
    }

    public static Option<double> Delta()
    {
        var option = new Option<double>("--delta") { Description = "Target delta, in (0, 1); typically below 1 / dataset size.", Required = true };
        option.Validators.Add(result =>
        {
            var delta = result.GetValueOrDefault<double>();
            if (!(delta is > 0 and < 1)) result.AddError($"--delta must lie in (0, 1), got {delta}");
        });
        return option;
    }

    public static Option<EpsilonConversion> Conversion() => new("--conversion")
    {
        Description = "RDP to (epsilon, delta) rule: Improved (Balle et al. 2020) or Classic (Mironov 2017).",
        DefaultValueFactory = _ => EpsilonConversion.Improved,
    };

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object instead of text." };

    /// <summary>A double option that must be finite, &gt; 0 and at most <paramref name="max"/>.</summary>
    public static Option<double> Positive(Option<double> option, double max = double.MaxValue)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<double>();
            if (!(value > 0 && value <= max)) result.AddError($"{option.Name} must be > 0{(max < double.MaxValue ? $" and <= {max}" : "")}, got {value}");
        });
        return option;
    }
}
