using FedChain.Learning.Data.Schema;
using FedChain.Learning.Randomness;

namespace FedChain.Learning.Data.Splits;

/// <summary>The schema's split rule applied to one site: deterministic for a given schema and site name.</summary>
public static class TrainTestSplit
{
    public static SiteSplit Apply(DatasetSchema schema, SiteDataset data)
    {
        var rule = schema.Split;
        if (rule.Kind == SplitKind.Column)
        {
            var folds = data.Folds ?? throw new InvalidOperationException($"site '{data.Site}' has no split column values");
            var train = Enumerable.Range(0, data.Count).Where(i => folds[i] == rule.TrainValue).ToArray();
            var test = Enumerable.Range(0, data.Count).Where(i => folds[i] == rule.TestValue).ToArray();
            return new SiteSplit(data.Subset(train), data.Subset(test));
        }

        var random = DerivedSeed.Random(rule.Seed, "train-test-split", 0, data.Site);
        var (first, second) = StratifiedPartition.Split(data.StrataValues, rule.TrainFraction, random, rule.Stratify, rule.MinPerClassToStratify);
        return new SiteSplit(data.Subset(first), data.Subset(second));
    }

    /// <summary>
    /// Carves a validation part out of a train split, for tuning without touching test: the fit part
    /// keeps <paramref name="fitFraction"/> of the rows, stratified on the outcome.
    /// </summary>
    public static SiteSplit CarveValidation(SiteDataset train, double fitFraction, long seed)
    {
        var random = DerivedSeed.Random(seed, "validation-split", 0, train.Site);
        var (fit, validation) = StratifiedPartition.Split(train.StrataValues, fitFraction, random, stratify: true, minPerClass: 2);
        return new SiteSplit(train.Subset(fit), train.Subset(validation));
    }

    /// <summary>
    /// Stratified k-fold cross-validation inside a train split, for tuning without touching test:
    /// rows are shuffled per outcome class and dealt to the folds in turn, so every row is validated
    /// once and every fold gets its share of events. Split <c>f</c> fits on the other folds and
    /// validates on fold <c>f</c>.
    /// </summary>
    public static IReadOnlyList<SiteSplit> CrossValidationFolds(SiteDataset train, int folds, long seed)
    {
        if (folds < 2) throw new ArgumentOutOfRangeException(nameof(folds), folds, "cross-validation needs at least 2 folds");
        var random = DerivedSeed.Random(seed, "validation-folds", 0, train.Site);
        var fold = new int[train.Count];
        var dealt = 0;
        foreach (var rows in train.StrataValues.Select((c, i) => (c, i)).GroupBy(x => x.c).OrderBy(g => g.Key).Select(g => g.Select(x => x.i).ToArray()))
        {
            random.Shuffle(rows);
            foreach (var row in rows) fold[row] = dealt++ % folds;
        }

        return [.. Enumerable.Range(0, folds).Select(f => new SiteSplit(
            train.Subset([.. Enumerable.Range(0, train.Count).Where(i => fold[i] != f)]),
            train.Subset([.. Enumerable.Range(0, train.Count).Where(i => fold[i] == f)])))];
    }
}
