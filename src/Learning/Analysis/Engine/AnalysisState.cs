using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Engine;

/// <summary>
/// The public state of one analysis between steps: identical at every member, because it is a
/// deterministic function of the plan and the sums so far. <see cref="Request"/> is what sites
/// send next; null once <see cref="Result"/> is set.
/// </summary>
public abstract record AnalysisState
{
    /// <summary>Steps completed so far.</summary>
    public int Step { get; init; }

    public StepRequest? Request { get; init; }

    public AnalysisResult? Result { get; init; }

    public bool Finished => Request is null;
}
