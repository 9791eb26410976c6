using System.CommandLine;
using FedChain.Learning.Plans;

namespace FedChain.Node.Cli;

/// <summary>
/// The DP-SGD options of `fedchain simulate`. --dp-epsilon turns DP on; the others refine it. The
/// members' declared counts are filled in from the sites' train rows once they are loaded.
/// </summary>
internal sealed class SimulatePrivacyOptions
{
    private readonly Option<double?> _epsilon = Positive("--dp-epsilon", "Train with DP-SGD: each member's epsilon budget for the whole plan");
    private readonly Option<double?> _delta = Positive("--dp-delta", "DP delta (default 1e-5); below 1 / each member's train rows", max: 1, inclusive: false);
    private readonly Option<double?> _clipNorm = Positive("--dp-clip-norm", "DP-SGD per-record gradient clip norm C (default 1)");
    private readonly Option<double?> _batchSize = Positive("--dp-batch-size", "DP-SGD expected Poisson batch size; each member samples at q = b / its rows (default: --batch-size, or the protocol's)");
    private readonly Option<double?> _sampleRate = Positive("--dp-sample-rate", "DP-SGD sampling rate q for every member, instead of --dp-batch-size", max: 1);
    private readonly Option<double?> _noise = Positive("--dp-noise-multiplier", "DP-SGD noise multiplier sigma; default: derived per member from its budget and planned steps");

    public IEnumerable<Option> All => [_epsilon, _delta, _clipNorm, _batchSize, _sampleRate, _noise];

    /// <summary>
    /// The plan's privacy section without declared counts, or null without --dp-epsilon. Neither
    /// expected batch nor sample rate is set when neither option was given: the plan then takes the
    /// client batch size.
    /// </summary>
    public PrivacySettings? Read(ParseResult parse)
    {
        if (parse.GetValue(_epsilon) is not { } epsilon)
        {
            var stray = All.Skip(1).FirstOrDefault(o => parse.GetResult(o) is not null);
            return stray is null ? null : throw new ArgumentException($"{stray.Name} needs --dp-epsilon, which turns DP-SGD on");
        }

        var sampleRate = parse.GetValue(_sampleRate);
        var batchSize = parse.GetValue(_batchSize);
        if (sampleRate is not null && batchSize is not null) throw new ArgumentException("give --dp-batch-size or --dp-sample-rate, not both");
        return new PrivacySettings(
            epsilon,
            parse.GetValue(_delta) ?? 1e-5,
            parse.GetValue(_clipNorm) ?? 1.0,
            DeclaredCounts: [],
            ExpectedBatchSize: batchSize,
            SampleRate: sampleRate,
            NoiseMultiplier: parse.GetValue(_noise));
    }

    private static Option<double?> Positive(string name, string description, double max = double.MaxValue, bool inclusive = true)
    {
        var option = new Option<double?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double?>() is not { } value) return;
            var below = inclusive ? value <= max : value < max;
            if (!(value > 0 && below && double.IsFinite(value)))
                result.AddError($"{name} must be > 0{(max < double.MaxValue ? $" and {(inclusive ? "<=" : "<")} {max}" : "")}, got {value}");
        });
        return option;
    }
}
