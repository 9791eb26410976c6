using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Ingestion;

/// <summary>Accumulates the kept rows of one file.</summary>
internal sealed class EncodedRows(DatasetSchema schema)
{
    private readonly List<float> _features = [];
    private readonly List<float> _labels = [];
    private readonly List<float> _times = [];
    private readonly List<float> _events = [];
    private readonly List<string> _folds = [];
    private readonly List<int> _lines = [];

    /// <summary>The file line of each kept row.</summary>
    public IReadOnlyList<int> Lines => _lines;

    /// <summary>Rows with the right number of fields, whatever their cells held.</summary>
    public int WellFormedRows { get; set; }

    public void Add(float[] features, float label, float time, float evt, string? fold, int line)
    {
        _lines.Add(line);
        _features.AddRange(features);
        _labels.Add(label);
        _times.Add(time);
        _events.Add(evt);
        _folds.Add(fold ?? "");
    }

    public void Clear()
    {
        _features.Clear();
        _labels.Clear();
        _times.Clear();
        _events.Clear();
        _folds.Clear();
        _lines.Clear();
    }

    public SiteDataset ToDataset(string site, bool rejected)
    {
        if (rejected) Clear();
        var survival = schema.Task.Kind == TaskKind.Survival;
        return new SiteDataset(
            site,
            schema.FeatureCount,
            [.. _features],
            survival ? null : [.. _labels],
            survival ? [.. _times] : null,
            survival ? [.. _events] : null,
            schema.Split.Kind == SplitKind.Column ? [.. _folds] : null);
    }
}
