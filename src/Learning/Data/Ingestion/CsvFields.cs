namespace FedChain.Learning.Data.Ingestion;

/// <summary>Splits one CSV line into fields (RFC 4180 quoting: "a, b" and doubled quotes inside).</summary>
internal static class CsvFields
{
    /// <summary>The fields, or null when a quoted field is not closed on this line.</summary>
    public static List<string>? Split(string line, char delimiter)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c != '"') field.Append(c);
                else if (i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else quoted = false;
            }
            else if (c == '"') quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }

        if (quoted) return null;
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
