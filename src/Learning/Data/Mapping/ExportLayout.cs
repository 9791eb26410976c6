using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Data.Mapping;

/// <summary>A mapping resolved against one export's header (or its declared field names): where every schema column is.</summary>
internal sealed class ExportLayout
{
    private ExportLayout(int fieldCount, Dictionary<string, int> fields, BoundColumn[] columns, DerivedColumn[] rules, IReadOnlyList<string> unused)
    {
        FieldCount = fieldCount;
        Fields = fields;
        Columns = columns;
        Rules = rules;
        UnusedFields = unused;
    }

    /// <summary>How many fields every data line must have.</summary>
    public int FieldCount { get; }

    /// <summary>The positions of the fields derived rules read, by the names the rules use.</summary>
    public IReadOnlyDictionary<string, int> Fields { get; }

    /// <summary>Every schema column, in schema order.</summary>
    public IReadOnlyList<BoundColumn> Columns { get; }

    public IReadOnlyList<DerivedColumn> Rules { get; }

    /// <summary>Export fields no schema column reads (reported by name, never by value).</summary>
    public IReadOnlyList<string> UnusedFields { get; }

    /// <summary>Binds the mapping; null with the reasons when the export lacks what the mapping names.</summary>
    /// <param name="header">The header's field names, or null for a file without one.</param>
    public static ExportLayout? Bind(DatasetSchema schema, SiteMapping mapping, IReadOnlyList<string>? header, out IReadOnlyList<string> problems)
    {
        var errors = new List<string>();
        var names = header ?? mapping.Format.Names;
        var fields = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; names is not null && i < names.Count; i++) fields.TryAdd(names[i], i);
        var fieldCount = names?.Count ?? 1 + (mapping.Columns ?? []).Max(c => c.Position ?? -1);
        var used = new HashSet<int>();
        var rules = (mapping.Derived ?? []).ToArray();
        var inputs = new Dictionary<string, int>(StringComparer.Ordinal);

        int? Find(string name)
        {
            if (fields.TryGetValue(name, out var exact)) return exact;
            var loose = fields.Where(f => string.Equals(f.Key.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase)).Select(f => (int?)f.Value).FirstOrDefault();
            return loose;
        }

        foreach (var (rule, r) in rules.Select((d, r) => (d, r)))
        {
            foreach (var input in rule.Inputs)
            {
                if (Find(input) is { } at)
                {
                    used.Add(at);
                    inputs[input] = at;
                }
                else errors.Add($"mapping derived[{r}] reads field '{input}', which the export does not have");
            }
        }

        var columns = new List<BoundColumn>();
        foreach (var column in schema.Columns)
        {
            var entry = mapping.For(column.Name);
            if (mapping.DerivationOf(column.Name) is { } rule)
            {
                var r = Array.IndexOf(rules, rule);
                columns.Add(BoundColumn.FromRule(column, rule, r, rule.Outputs.ToList().IndexOf(column.Name)));
                continue;
            }

            if (entry is { Absent: true }) { columns.Add(BoundColumn.Missing(column, entry)); continue; }
            if (entry?.Position is { } position)
            {
                if (position >= fieldCount) errors.Add($"mapping column '{column.Name}': position {position} is past the export's {fieldCount} fields");
                used.Add(position);
                columns.Add(BoundColumn.FromField(column, entry, position, $"position {position}"));
                continue;
            }

            var candidates = new[] { entry?.Source ?? column.Name }.Concat(entry?.Aliases ?? []).ToArray();
            var found = candidates.Select(c => (Name: c, At: Find(c))).FirstOrDefault(c => c.At is not null);
            if (found.At is not { } field)
            {
                errors.Add(names is null
                    ? $"schema column '{column.Name}' has no position in the mapping, and the export has no header or format.names"
                    : $"the export has no field {string.Join(" or ", candidates.Select(c => $"'{c}'"))} for schema column '{column.Name}'{(entry is null ? " (the mapping does not list it)" : "")}");
                continue;
            }

            used.Add(field);
            var how = names![field] == found.Name ? "" : $" (matched '{found.Name}' ignoring case)";
            var alias = found.Name == candidates[0] ? "" : " (alias)";
            columns.Add(BoundColumn.FromField(column, entry, field, $"field '{names[field]}'{alias}{how}"));
        }

        problems = errors;
        if (errors.Count > 0) return null;
        var unused = names is null ? [] : names.Where((_, i) => !used.Contains(i)).ToList();
        return new ExportLayout(fieldCount, inputs, [.. columns], rules, unused);
    }
}
