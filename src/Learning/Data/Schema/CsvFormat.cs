namespace FedChain.Learning.Data.Schema;

/// <summary>How the sites' CSV files are laid out.</summary>
/// <param name="Header">True when the first line names the columns; columns are then matched by name.</param>
/// <param name="Delimiter">The field separator, one character.</param>
/// <param name="MissingMarkers">Cell values that mean "not recorded" (an empty cell always does).</param>
public sealed record CsvFormat(bool Header, string Delimiter, IReadOnlyList<string> MissingMarkers);
