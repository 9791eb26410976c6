namespace FedChain.Learning.Data;

/// <summary>
/// One site's rows after ingestion: encoded features (row-major, <see cref="FeatureCount"/> per row)
/// and the outcome. Binary tasks fill <see cref="Labels"/> with 0/1, count tasks with the counts; survival tasks fill <see cref="Times"/>
/// and <see cref="Events"/>. <see cref="Folds"/> holds the split column's value per row when the
/// split comes from the data.
/// </summary>
public sealed record SiteDataset(
    string Site,
    int FeatureCount,
    float[] Features,
    float[]? Labels,
    float[]? Times,
    float[]? Events,
    string[]? Folds = null)
{
    public int Count => FeatureCount == 0 ? 0 : Features.Length / FeatureCount;

    public bool IsSurvival => Times is not null;

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public SiteDataset Subset(IReadOnlyList<int> rows)
    {
        var features = new float[rows.Count * FeatureCount];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Copy(Features, rows[i] * FeatureCount, features, i * FeatureCount, FeatureCount);
        }

        return this with
        {
            Features = features,
            Labels = Pick(Labels, rows),
            Times = Pick(Times, rows),
            Events = Pick(Events, rows),
            Folds = Pick(Folds, rows),
        };
    }

    /// <summary>The rows of several datasets, one after another (pooled training).</summary>
    public static SiteDataset Concat(string site, IReadOnlyList<SiteDataset> parts)
    {
        var first = parts[0];
        return new SiteDataset(
            site,
            first.FeatureCount,
            [.. parts.SelectMany(p => p.Features)],
            first.Labels is null ? null : [.. parts.SelectMany(p => p.Labels!)],
            first.Times is null ? null : [.. parts.SelectMany(p => p.Times!)],
            first.Events is null ? null : [.. parts.SelectMany(p => p.Events!)]);
    }

    /// <summary>The outcome used to stratify splits: the label, or the event indicator for survival.</summary>
    public float[] StrataValues => Labels ?? Events ?? [];

    private static T[]? Pick<T>(T[]? source, IReadOnlyList<int> rows) =>
        source is null ? null : [.. rows.Select(r => source[r])];
}
