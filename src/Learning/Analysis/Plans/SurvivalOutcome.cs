using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Plans;

/// <summary>Which columns hold follow-up time and event, and the time grid event-time totals are summed on.</summary>
/// <param name="Time">The time column; default: the schema task's.</param>
/// <param name="Event">The 0/1 event column; default: the schema task's.</param>
/// <param name="Resolution">Width of the time grid (in the time column's unit). Results are exact when every time is a
/// multiple of it (integer days with the default 1).</param>
public sealed record SurvivalOutcome(string? Time = null, string? Event = null, double Resolution = 1)
{
    public string TimeColumn(DatasetSchema schema) => Time ?? schema.Task.Time ?? throw new AnalysisPlanException($"schema '{schema.Name}' has no survival task: name the time column");

    public string EventColumn(DatasetSchema schema) => Event ?? schema.Task.Event ?? throw new AnalysisPlanException($"schema '{schema.Name}' has no survival task: name the event column");

    /// <summary>Grid points 0..G-1 cover the time column's schema range.</summary>
    public int GridLength(DatasetSchema schema) => (int)Math.Floor(schema.Column(TimeColumn(schema)).Max!.Value / Resolution) + 1;
}
