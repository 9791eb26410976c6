using System.CommandLine;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Simulation;
using FedChain.Learning.Training;

namespace FedChain.Node.Cli;

/// <summary>The options of `fedchain simulate`.</summary>
internal sealed class SimulateOptions
{
    private readonly Option<string?> _dataset = new("--dataset") { Description = "Dataset folder name under data/ (heart-disease, tcga-brca); with --plan, default: the plan's schema name" };
    private readonly Option<string?> _data = new("--data") { Description = "The dataset folder (schema.json, sites.json); default: data/<dataset> above the working directory" };
    private readonly Option<string?> _plan = new("--plan") { Description = "Run this plan.json instead of building one from the options below" };
    private readonly Option<ServerRuleKind?> _strategy = KebabEnum.Option<ServerRuleKind>("--strategy", "Server rule; default fed-avg");
    private readonly Option<int?> _rounds = new("--rounds") { Description = "Federated rounds" };
    private readonly Option<int?> _localSteps = new("--local-steps") { Description = "Local mini-batch steps per round" };
    private readonly Option<int?> _localEpochs = new("--local-epochs") { Description = "Local epochs per round instead of steps (0 = use steps)" };
    private readonly Option<int?> _batchSize = new("--batch-size") { Description = "Rows per local step; 0 = full batch" };
    private readonly Option<double?> _clientLr = new("--client-lr") { Description = "Local learning rate" };
    private readonly Option<double?> _serverLr = new("--server-lr") { Description = "Server learning rate" };
    private readonly Option<double?> _mu = new("--mu") { Description = "FedProx proximal weight" };
    private readonly Option<ClientOptimizer?> _optimizer = KebabEnum.Option<ClientOptimizer>("--optimizer", "Local optimiser");
    private readonly Option<Normalisation?> _normalisation = KebabEnum.Option<Normalisation>("--normalisation", "Feature scaling");
    private readonly Option<ModelKind?> _model = KebabEnum.Option<ModelKind>("--model", "Model family");
    private readonly Option<int[]> _hidden = new("--hidden") { Description = "MLP hidden widths, e.g. --hidden 16 16", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => [16] };
    private readonly Option<int?> _bits = new("--fixed-point-bits") { Description = "Fractional bits of the fixed-point updates" };
    private readonly Option<int?> _maxMembers = new("--max-members") { Description = "Most updates summed; sets the clip bound" };
    private readonly Option<long> _seed = new("--seed") { Description = "Plan seed", DefaultValueFactory = _ => 42 };
    private readonly Option<bool> _float = new("--float") { Description = "Aggregate in floating point instead of fixed point (not what the network does)" };
    private readonly SimulatePrivacyOptions _privacy = new();
    private readonly SimulatePipelineOptions _pipeline = new();
    private readonly Option<int> _freeRiders = new("--free-riders") { Description = "Add K free riders (all-zero updates); turns contribution scoring on", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _noisy = new("--noisy") { Description = "Add N noise senders (random updates of an honest update's norm); turns contribution scoring on", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _labelFlip = new("--label-flip") { Description = "Add M label flippers (train on flipped labels); turns contribution scoring on", DefaultValueFactory = _ => 0 };
    private readonly Option<ContributionMethod?> _contribution = KebabEnum.Option<ContributionMethod>("--contribution", "Score contributions with this method (default exact-shapley up to 8 members, else sampled-shapley) and write contributions.json");
    private readonly Option<DirectoryInfo> _out = new("--out") { Description = "Folder for plan.json, simulation.json, validation.json, rounds.png (and contributions.json, contributions.png when scoring)", Required = true };

    public IEnumerable<Option> All =>
    [
        _dataset, _data, _plan, _strategy, _rounds, _localSteps, _localEpochs, _batchSize, _clientLr, _serverLr, _mu,
        _optimizer, _normalisation, _model, _hidden, _bits, _maxMembers, _seed, _float,
        _freeRiders, _noisy, _labelFlip, _contribution, _out, .. _privacy.All, .. _pipeline.All,
    ];

    public SimulateArguments Read(ParseResult parse) => new(
        parse.GetValue(_dataset),
        parse.GetValue(_data),
        parse.GetValue(_plan),
        parse.GetValue(_strategy) ?? ServerRuleKind.FedAvg,
        parse.GetValue(_rounds),
        parse.GetValue(_localSteps),
        parse.GetValue(_localEpochs),
        parse.GetValue(_batchSize),
        parse.GetValue(_clientLr),
        parse.GetValue(_serverLr),
        parse.GetValue(_mu),
        parse.GetValue(_optimizer),
        parse.GetValue(_normalisation),
        parse.GetValue(_model),
        parse.GetValue(_hidden) ?? [16],
        parse.GetValue(_bits),
        parse.GetValue(_maxMembers),
        parse.GetValue(_seed),
        parse.GetValue(_float),
        parse.GetValue(_out)!,
        _privacy.Read(parse),
        new MisbehaviourCounts(parse.GetValue(_freeRiders), parse.GetValue(_noisy), parse.GetValue(_labelFlip)),
        parse.GetValue(_contribution),
        _pipeline.Read(parse));
}
