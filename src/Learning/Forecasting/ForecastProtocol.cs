using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Models.Sequence;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Training;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Forecasting;

/// <summary>
/// The influenza protocol: fit once on target weeks up to 312 (2001-2006), tune inside them
/// (fit up to 260, validate on 261-312), forecast weeks 313-416 one step ahead from the counts
/// observed up to the week before, with no refit. The anchor is hhh4 with power-law spatial
/// interaction fitted centrally on the same weeks (references/scripts/influenza_hhh4.R).
/// </summary>
/// <param name="DefaultMethod">What <c>fedchain simulate --dataset influenza-bybw</c> runs without --model.</param>
public sealed record ForecastProtocol(
    ForecastFeatures Features,
    int FitThrough,
    int ValidationFrom,
    int TestFrom,
    int TestTo,
    IReadOnlyList<ForecastMethod> Methods,
    IReadOnlyDictionary<string, ForecastAnchor> Anchors,
    string DefaultMethod = "federated_mlp")
{
    public static IReadOnlyList<long> Seeds { get; } = [42, 43, 44, 45, 46];

    /// <summary>The protocol with only the named methods (all when <paramref name="names"/> is empty); an unknown name is an error naming the known ones.</summary>
    public ForecastProtocol Only(IReadOnlyCollection<string>? names)
    {
        if (names is not { Count: > 0 }) return this;
        var unknown = names.Where(n => Methods.All(m => m.Name != n)).ToArray();
        if (unknown.Length > 0) throw new ArgumentException($"unknown method(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Methods.Select(m => m.Name))}");
        return this with { Methods = [.. Methods.Where(m => names.Contains(m.Name))] };
    }

    /// <summary>A region's fit rows (target weeks after the first <see cref="ForecastFeatures.Lags"/> up to <see cref="FitThrough"/>)
    /// and test rows (<see cref="TestFrom"/> to <see cref="TestTo"/>): what the benches, simulate and a region's node train and score on.</summary>
    public (ForecastRows Fit, ForecastRows Test) RegionRows(WeeklyCounts counts, string region) =>
        (Features.Rows(counts, region, Features.Lags + 1, FitThrough), Features.Rows(counts, region, TestFrom, TestTo));

    public static ForecastProtocol Influenza()
    {
        var features = new ForecastFeatures(Lags: 8);
        var sequence = new SequenceSpec(features.Lags, ForecastFeatures.Channels, Hidden: 16, Layers: 3, KernelSize: 2);
        var client = new LocalTrainingOptions(ClientOptimizer.Adam, 0.003, LocalSteps: 40, BatchSize: 128);
        var fedAvg = new ServerSettings(ServerRuleKind.FedAvg);
        // n_i * delta of a region with ~3,500 rows stays far below 2^31 / (2^12 * 16).
        var quantisation = new QuantisationSettings(FixedPointBits: 12, MaxMembers: 16);
        // hhh4's epidemic terms: last week's own count, and the first- and second-order neighbours' mean counts.
        var last = (features.Lags - 1) * ForecastFeatures.Channels;
        var epidemic = new EpidemicHead([last, last + 1, last + 2]);
        var none = Normalisation.None;
        var trees = new TreeSpec(Trees: 100, Depth: 4, Bins: 32, LearningRate: 0.1, Lambda: 1, MinChildRows: 20);
        return new ForecastProtocol(features, FitThrough: 312, ValidationFrom: 261, TestFrom: 313, TestTo: 416,
            [
                new("federated_gru", new ModelSpec(ModelKind.Gru, Sequence: sequence, Epidemic: epidemic), client, fedAvg, 25, quantisation, none),
                new("federated_lstm", new ModelSpec(ModelKind.Lstm, Sequence: sequence, Epidemic: epidemic), client, fedAvg, 25, quantisation, none),
                new("federated_tcn", new ModelSpec(ModelKind.TemporalCnn, Sequence: sequence, Epidemic: epidemic), client, fedAvg, 25, quantisation, none),
                new("federated_mlp", new ModelSpec(ModelKind.Mlp, Hidden: [32, 16], Epidemic: epidemic), client, fedAvg, 25, quantisation, none),
                new("federated_loglinear", new ModelSpec(ModelKind.LogLinear, Epidemic: epidemic), client, fedAvg, 25, quantisation, none),
                new("federated_trees", new ModelSpec(ModelKind.BoostedTrees, Trees: trees), client, new ServerSettings(ServerRuleKind.TreeGrowth), trees.Rounds,
                    new QuantisationSettings(FixedPointBits: 8, MaxMembers: 16), Normalisation.Federated),
            ],
            new Dictionary<string, ForecastAnchor>
            {
                // references/scripts/influenza_hhh4.R prints these.
                ["hhh4"] = new(0.598, 2.273, 0.568, "hhh4, endemic S=3 + autoregressive S=1 + power-law neighbourhood (maxlag 5) with log population S=1, NegBin1, fitted centrally on weeks 2-312 with R's surveillance 1.20.3 (references/scripts/influenza_hhh4.R)"),
                ["naive"] = new(0.663, 2.592, null, "same as last week (references/scripts/influenza_hhh4.R)"),
            });
    }
}
