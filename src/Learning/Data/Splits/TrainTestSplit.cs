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
}
