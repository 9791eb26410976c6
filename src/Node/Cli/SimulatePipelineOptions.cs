using System.CommandLine;
using FedChain.Learning.Asynchronous;
using FedChain.Learning.Compression;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Robust;
using FedChain.Learning.Simulation;

namespace FedChain.Node.Cli;

/// <summary>The options of `fedchain simulate` that add round stages: a robust rule, compression, personal models, asynchronous rounds (and a slow site), and transfer's starting model.</summary>
internal sealed class SimulatePipelineOptions
{
    private readonly Option<RobustRuleKind?> _robust = KebabEnum.Option<RobustRuleKind>("--robust", "A robust rule in place of the plain weighted mean");
    private readonly Option<double?> _normBound = new("--norm-bound") { Description = "The robust rule's norm bound per sample, model units (norm-bound: default the round's median norm; aggregate-norm-bound: required)" };
    private readonly Option<CompressionMethod?> _compression = KebabEnum.Option<CompressionMethod>("--compression", "Compress each committed update (error feedback on; random-k and top-k keep 1/8 of the coordinates)");
    private readonly Option<PersonalisationMethod?> _personal = KebabEnum.Option<PersonalisationMethod>("--personalisation", "Personal models per site beside the global one (fed-per: a personal output bias)");
    private readonly Option<int?> _buffer = new("--buffer") { Description = "Asynchronous rounds (FedBuff): every K commits, in arrival order, make one aggregation step, each update weighed 1/sqrt(1 + staleness)" };
    private readonly Option<string?> _slowSite = new("--slow-site") { Description = "With --buffer: this site's training takes --slowdown times as long on the simulated clock" };
    private readonly Option<double> _slowdown = new("--slowdown") { Description = "How many times as long the --slow-site trains", DefaultValueFactory = _ => 10 };
    private readonly Option<FileInfo?> _startModel = new("--start-model") { Description = "The released model (final-model.f32) that a --plan file's startFrom names" };

    public IEnumerable<Option> All => [_robust, _normBound, _compression, _personal, _buffer, _slowSite, _slowdown, _startModel];

    public SimulatePipeline Read(ParseResult parse)
    {
        var robust = parse.GetValue(_robust);
        if (robust is null && parse.GetValue(_normBound) is not null) throw new ArgumentException("--norm-bound applies to --robust norm-bound or aggregate-norm-bound");
        return new(
            robust is { } rule ? new RobustSettings(rule, NormBound: parse.GetValue(_normBound) ?? 0) : null,
            parse.GetValue(_compression) is { } method ? new CompressionSettings(method) : null,
            parse.GetValue(_personal) is { } personal ? new PersonalisationSettings(personal) : null,
            parse.GetValue(_buffer) is { } buffer ? new AsynchronousSettings(buffer) : null,
            parse.GetValue(_slowSite) is { } slow ? new SlowSite(slow, parse.GetValue(_slowdown)).Validate() : null,
            parse.GetValue(_startModel)?.FullName);
    }
}
