namespace FedChain.Learning.Data.Schema;

/// <summary>The outcome: which columns hold it and how the label is derived.</summary>
/// <param name="Kind">Binary or survival.</param>
/// <param name="Label">Binary: the label column's name.</param>
/// <param name="PositiveAbove">Binary: a label value greater than this is the positive class
/// (heart disease: num &gt; 0 is disease, as in FLamby).</param>
/// <param name="Time">Survival: the time column's name.</param>
/// <param name="Event">Survival: the event column's name (1 = event observed, 0 = censored).</param>
public sealed record TaskSpec(
    TaskKind Kind,
    string? Label = null,
    double PositiveAbove = 0,
    string? Time = null,
    string? Event = null);
