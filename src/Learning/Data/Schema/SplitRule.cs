namespace FedChain.Learning.Data.Schema;

/// <summary>The consortium's rule for each site's train/test split.</summary>
/// <param name="Kind">Seeded random, or given by a column.</param>
/// <param name="TrainFraction">Random: the share of each site's rows (of each class, when stratified) that go to train.</param>
/// <param name="Stratify">Random: stratify on the label when every class has more than <paramref name="MinPerClassToStratify"/> rows.</param>
/// <param name="MinPerClassToStratify">Random: FLamby stratifies only when both classes have more than 2 rows.</param>
/// <param name="Seed">Random: the split seed, fixed by the consortium so the split does not change with the training seed.</param>
/// <param name="Column">Column: the split column's name.</param>
/// <param name="TrainValue">Column: the value that marks a training row.</param>
/// <param name="TestValue">Column: the value that marks a test row.</param>
public sealed record SplitRule(
    SplitKind Kind,
    double TrainFraction = 0.66,
    bool Stratify = true,
    int MinPerClassToStratify = 2,
    long Seed = 43,
    string? Column = null,
    string? TrainValue = null,
    string? TestValue = null);
