using System.Globalization;
using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Analysis.Descriptive;

/// <summary>The levels of a grouping column: a categorical column's codes, or the integers of a numeric column with a short range (sex 0/1, num 0-4).</summary>
public sealed class ColumnLevels
{
    /// <summary>Numeric columns group by value only when their range holds at most this many integers.</summary>
    public const int MaxIntegerLevels = 21;

    private readonly double _offset;

    private ColumnLevels(ColumnSpec column, IReadOnlyList<string> labels, double offset)
    {
        Column = column;
        Labels = labels;
        _offset = offset;
    }

    public ColumnSpec Column { get; }

    /// <summary>"code (meaning)" of each level, in schema order.</summary>
    public IReadOnlyList<string> Labels { get; }

    public int Count => Labels.Count;

    /// <summary>True when the schema declares this column's counts public by law.</summary>
    public bool PublicCounts => Column.PublicCounts == true;

    /// <exception cref="Exception">From <paramref name="error"/>, when the column cannot group.</exception>
    public static ColumnLevels Of(ColumnSpec column, Func<string, Exception> error)
    {
        if (column.Type == ColumnType.Categorical)
        {
            return new ColumnLevels(column, [.. column.Categories!.Select(c => c.Meaning is null ? $"{column.Name}={c.Code}" : $"{column.Name}={c.Code} ({c.Meaning})")], 0);
        }

        if (column is { Type: ColumnType.Numeric, Min: { } min, Max: { } max } && min == Math.Floor(min) && max == Math.Floor(max) && max - min < MaxIntegerLevels)
        {
            return new ColumnLevels(column, [.. Enumerable.Range(0, (int)(max - min) + 1).Select(i => string.Create(CultureInfo.InvariantCulture, $"{column.Name}={min + i}"))], min);
        }

        throw error($"column '{column.Name}' cannot group rows: use a categorical column, or a numeric one whose schema range holds at most {MaxIntegerLevels} integers");
    }

    /// <summary>The level of a cell, or -1 when it is missing or not one of the levels.</summary>
    public int LevelOf(double value)
    {
        if (double.IsNaN(value)) return -1;
        var level = value - _offset;
        return level == Math.Floor(level) && level >= 0 && level < Count ? (int)level : -1;
    }
}
