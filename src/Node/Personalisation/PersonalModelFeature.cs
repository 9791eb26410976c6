using FedChain.Learning.Metrics;
using FedChain.Learning.Training;
using FedChain.Node.Agent;
using FedChain.Node.Rounds;

namespace FedChain.Node.Personalisation;

/// <summary>
/// Personal models in the node (docs/node.md, "Personal models"): the pipeline's personal stage runs
/// inside training (FedPer's head, Ditto's personal steps) and keeps what is personal in the member's
/// state, which only the checkpoint stores; after each round this feature evaluates the site's personal
/// model on its test rows beside the global one (result.json), and at the end writes it to
/// personal-model.f32 in the plan's folder. Nothing personal is ever published.
/// </summary>
public sealed class PersonalModelFeature(PlanRun run) : PlanFeature(run)
{
    private ClientState _state = ClientState.Initial;
    private float[]? _model;

    public override ClientUpdate? Train(int round, ClientState state, Func<ClientUpdate?> train)
    {
        _state = state;
        var update = train();
        if (update is not null) _state = update.State;
        return update;
    }

    public override RoundResult RoundAggregated(RoundResult result, AggregateTrack track)
    {
        _model = Run.Pipeline.PersonalModel(track.Global, _state, Run.Site.Scaled!.Train, result.Round) ?? _model;
        return _model is null ? result : result with { PersonalMetrics = Evaluation.Evaluate(Run.Plan, _model, Run.Site.Scaled!.Test) };
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        if (_model is null) return;
        Directory.CreateDirectory(Run.Directory);
        await File.WriteAllBytesAsync(Path.Combine(Run.Directory, "personal-model.f32"), StartingModel.Bytes(_model), ct);
    }
}
