using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Survival;

/// <summary>The time and event columns of a survival analysis, checked against the schema and read from a site's rows.</summary>
public static class SurvivalColumns
{
    public static void Validate(AnalysisPlan plan, SurvivalOutcome outcome, Func<string, Exception> error)
    {
        var schema = plan.Schema!;
        var time = schema.Columns.FirstOrDefault(c => c.Name == outcome.TimeColumn(schema)) ?? throw error($"time column '{outcome.TimeColumn(schema)}' is not in the schema");
        var evt = schema.Columns.FirstOrDefault(c => c.Name == outcome.EventColumn(schema)) ?? throw error($"event column '{outcome.EventColumn(schema)}' is not in the schema");
        if (time.Type != ColumnType.Numeric || time.Min is null || time.Max is null || time.Min < 0) throw error($"time column '{time.Name}' must be numeric with a schema range from 0 up");
        if (evt.Type != ColumnType.Numeric || evt.Min < 0 || evt.Max > 1) throw error($"event column '{evt.Name}' must be numeric 0/1");
        if (outcome.Resolution <= 0) throw error("outcome.resolution must be above 0");
        if (outcome.GridLength(schema) > 1_000_000) throw error($"the time grid would have {outcome.GridLength(schema)} points: raise outcome.resolution");
    }

    /// <summary>Grid index of a time (times are rounded to the grid; exact when they lie on it).</summary>
    public static int GridIndex(double time, double resolution) => (int)Math.Round(time / resolution, MidpointRounding.ToEven);

    /// <summary>The rows with a valid time and event (and, when given, a valid group level): grid index, event, group.</summary>
    public static IEnumerable<(int Row, int Grid, bool Event, int Group)> Rows(SiteTable table, SurvivalOutcome outcome, Func<double, int>? group, IReadOnlyList<double>? groupColumn)
    {
        var time = table.Column(outcome.TimeColumn(table.Schema));
        var evt = table.Column(outcome.EventColumn(table.Schema));
        for (var r = 0; r < table.RowCount; r++)
        {
            if (double.IsNaN(time[r]) || double.IsNaN(evt[r])) continue;
            var g = group is null ? 0 : group(groupColumn![r]);
            if (g < 0) continue;
            yield return (r, GridIndex(time[r], outcome.Resolution), evt[r] == 1, g);
        }
    }
}
