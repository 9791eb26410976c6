namespace FedChain.Learning.Data.Mapping;

/// <summary>Where one schema column is in a site's export, and how its cells become the schema's values.</summary>
/// <param name="Column">The schema column this entry fills.</param>
/// <param name="Source">The export's name for it (header name, or a name from format.names); default: the schema name.</param>
/// <param name="Aliases">Other names it may have in the export; the first one present is used. Names match exactly, then ignoring case.</param>
/// <param name="Position">0-based field position, instead of a name.</param>
/// <param name="Unit">The unit the export uses; converted to the schema's unit through <see cref="ClinicalUnits"/>.</param>
/// <param name="Recode">Export values to schema values, e.g. "male" to "1" (applied before parsing).</param>
/// <param name="MissingMarkers">More markers of "not recorded" for this column alone.</param>
/// <param name="Absent">True when the export does not have the column at all: every cell is missing.</param>
public sealed record ColumnMapping(
    string Column,
    string? Source = null,
    IReadOnlyList<string>? Aliases = null,
    int? Position = null,
    string? Unit = null,
    IReadOnlyDictionary<string, string>? Recode = null,
    IReadOnlyList<string>? MissingMarkers = null,
    bool Absent = false);
