using System.Text.Json.Serialization;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Models.Sequence;
using FedChain.Learning.Trees;

namespace FedChain.Learning.Models;

/// <summary>Which model a plan trains.</summary>
/// <param name="Kind">The family.</param>
/// <param name="Hidden">MLP and DeepSurv: the width of each hidden layer.</param>
/// <param name="Sequence">GRU, LSTM and temporal CNN: how a row's features form a sequence.</param>
/// <param name="Count">Count tasks: the predictive distribution (negative binomial by default).</param>
/// <param name="Trees">Boosted trees: the ensemble's shape and growth settings.</param>
/// <param name="Epidemic">Count tasks, neural families: the endemic-epidemic mean over these inputs.</param>
public sealed record ModelSpec(
    ModelKind Kind,
    IReadOnlyList<int>? Hidden = null,
    SequenceSpec? Sequence = null,
    CountDistribution? Count = null,
    TreeSpec? Trees = null,
    EpidemicHead? Epidemic = null)
{
    /// <summary>Scores per row for <paramref name="task"/>: two (log-mean, log-size) for a negative binomial count model, else one.</summary>
    public int OutputCount(TaskKind task) => task == TaskKind.Count && CountDistributionOrDefault == CountDistribution.NegativeBinomial ? 2 : 1;

    /// <summary>Trees are Poisson for counts; neural models negative binomial unless the plan says Poisson.</summary>
    [JsonIgnore]
    public CountDistribution CountDistributionOrDefault => Count ?? (Kind == ModelKind.BoostedTrees ? CountDistribution.Poisson : CountDistribution.NegativeBinomial);

    /// <summary>True for families whose rows are sequences (and whose layers are reused across time steps).</summary>
    [JsonIgnore]
    public bool IsSequence => Kind is ModelKind.Gru or ModelKind.Lstm or ModelKind.TemporalCnn;

    /// <summary>Throws naming the field when the spec cannot build a model for <paramref name="task"/> over <paramref name="features"/> inputs.</summary>
    public void Validate(TaskKind task, int features)
    {
        var survival = task == TaskKind.Survival;
        var survivalModel = Kind is ModelKind.LinearCox or ModelKind.DeepSurv;
        if (survival != survivalModel) throw new ArgumentException($"model '{Kind}' does not fit a {task} task");
        if ((Kind == ModelKind.LogisticRegression && task != TaskKind.Binary) || (Kind == ModelKind.LogLinear && task != TaskKind.Count)) throw new ArgumentException($"model '{Kind}' does not fit a {task} task");
        if (Kind is ModelKind.Mlp or ModelKind.DeepSurv && Hidden is not { Count: > 0 }) throw new ArgumentException($"model '{Kind}' needs hidden layer widths");
        if (IsSequence) (Sequence ?? throw new ArgumentException($"model '{Kind}' needs its sequence section")).Validate(features);
        if (Kind == ModelKind.BoostedTrees)
        {
            (Trees ?? throw new ArgumentException("model 'BoostedTrees' needs its trees section")).Validate();
            if (task == TaskKind.Count && CountDistributionOrDefault != CountDistribution.Poisson) throw new ArgumentException("boosted trees model counts as Poisson only");
        }

        if (Epidemic is not null && (task != TaskKind.Count || Kind == ModelKind.BoostedTrees)) throw new ArgumentException($"model epidemic inputs fit neural models of count tasks, not '{Kind}' on a {task} task");
        Epidemic?.Validate(features);
        if (Count is not null && task != TaskKind.Count) throw new ArgumentException($"model count distribution is set, but the task is {task}");
    }
}
