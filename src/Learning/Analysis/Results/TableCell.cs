namespace FedChain.Learning.Analysis.Results;

/// <summary>One released number, or a marked gap where disclosure control suppressed it.</summary>
/// <param name="Value">The number; null when suppressed or undefined.</param>
/// <param name="Share">For a count: its share of the column's total, when that is meaningful.</param>
/// <param name="Suppressed">True when a disclosure rule withheld the value.</param>
/// <param name="Rule">The rule that withheld it.</param>
public sealed record TableCell(double? Value, double? Share = null, bool Suppressed = false, string? Rule = null)
{
    public static TableCell Withheld(string rule) => new(null, null, true, rule);
}
