using FedChain.Learning.Analysis.Results;

namespace FedChain.Learning.Analysis.Engine;

/// <summary>An analysis that has released its result (or been refused).</summary>
public sealed record FinishedState : AnalysisState
{
    public FinishedState(AnalysisResult result, int step)
    {
        Result = result with { Steps = step };
        Step = step;
    }
}
