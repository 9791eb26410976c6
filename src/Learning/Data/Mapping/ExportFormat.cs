namespace FedChain.Learning.Data.Mapping;

/// <summary>How one site's export file is laid out.</summary>
/// <param name="Header">True when the first line names the columns; columns are then found by name.</param>
/// <param name="Names">For a file without a header: the name of each field position, so the mapping can refer to fields by name.</param>
/// <param name="Delimiter">The field separator, one character (use "\t" for tab).</param>
/// <param name="Decimal">The decimal separator of numbers: "." or "," (European exports).</param>
/// <param name="Encoding">The text encoding: utf-8, utf-16, latin-1 or windows-1252. A byte-order mark, when present, must agree and is skipped.</param>
/// <param name="MissingMarkers">Cell values that mean "not recorded" (an empty cell always does). LF, CRLF and CR line endings are all read.</param>
public sealed record ExportFormat(
    bool Header = true,
    IReadOnlyList<string>? Names = null,
    string Delimiter = ",",
    string Decimal = ".",
    string Encoding = "utf-8",
    IReadOnlyList<string>? MissingMarkers = null);
