namespace FedChain.Node.Bench.SecAgg;

/// <summary>The figures of `fedchain bench secagg`, as written to secagg.json.</summary>
internal sealed record SecAggBenchResult(
    int Members,
    double MegabytesPerMember,
    int VectorLength,
    int Threshold,
    int? Neighbours,
    double MaskGenerationGigabytesPerSecond,
    double? LoadAverage,
    IReadOnlyList<SecAggScenarioResult> Scenarios);

/// <summary>One round with <paramref name="Dropouts"/> members dropping after they shared their keys.</summary>
internal sealed record SecAggScenarioResult(
    int Dropouts,
    IReadOnlyList<SecAggStepFigure> PerMemberSteps,
    double PerMemberMilliseconds,
    double PerMemberBytes,
    double UnmaskSumMilliseconds,
    bool SumEqualsPlainSum);

/// <summary>A step's mean and worst cost over the members that ran it.</summary>
internal sealed record SecAggStepFigure(string Step, double MeanMilliseconds, double MaxMilliseconds, double MeanBytes);
