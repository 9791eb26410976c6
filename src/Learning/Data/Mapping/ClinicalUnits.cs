using System.Globalization;

namespace FedChain.Learning.Data.Mapping;

/// <summary>
/// The built-in table of clinical units a site mapping may convert between. Each quantity has a base
/// unit; every other unit is an affine function of it. Concentrations convert by molar mass
/// (mmol/L x M / 10 = mg/dL), so mg/dL and mmol/L mean different things for cholesterol and
/// glucose: those quantities must be named. Molar masses: PubChem (cholesterol 386.65 g/mol,
/// triolein 885.43 g/mol as the conventional triglyceride, glucose 180.16 g/mol, creatinine
/// 113.12 g/mol); they give the factors of the usual SI conversion tables (0.02586, 0.01129,
/// 0.05551 mmol/L per mg/dL; 88.40 umol/L per mg/dL). Exact definitions: 1 lb = 0.45359237 kg,
/// 1 in = 2.54 cm, 1 mmHg = 133.322387415 Pa (NIST SP 811, appendix B); degF = degC x 9/5 + 32.
/// </summary>
public static class ClinicalUnits
{
    private sealed record Quantity(string Name, string BaseUnit, IReadOnlyDictionary<string, UnitConversion> ToBase, bool NeedsName);

    private static readonly Quantity[] Table =
    [
        Concentration("cholesterol", 386.65),
        Concentration("triglycerides", 885.43),
        Concentration("glucose", 180.16),
        new("creatinine", "mg/dL", Units(("mg/dL", 1, 0), ("umol/L", 113.12 / 10_000, 0), ("mmol/L", 113.12 / 10, 0)), NeedsName: true),
        new("temperature", "degC", Units(("degC", 1, 0), ("degF", 5.0 / 9, -32 * 5.0 / 9)), NeedsName: false),
        new("weight", "kg", Units(("kg", 1, 0), ("g", 0.001, 0), ("lb", 0.45359237, 0)), NeedsName: false),
        new("height", "cm", Units(("cm", 1, 0), ("m", 100, 0), ("mm", 0.1, 0), ("in", 2.54, 0)), NeedsName: false),
        new("blood-pressure", "mmHg", Units(("mmHg", 1, 0), ("kPa", 1000 / 133.322387415, 0)), NeedsName: false),
        new("duration", "days", Units(("days", 1, 0), ("weeks", 7, 0), ("months", 365.25 / 12, 0), ("years", 365.25, 0)), NeedsName: false),
    ];

    /// <summary>The conversion from <paramref name="from"/> to <paramref name="to"/>, or null with <paramref name="why"/> saying why not.</summary>
    /// <param name="quantity">The schema column's quantity; needed where a unit pair means different factors for different analytes.</param>
    public static UnitConversion? Conversion(string? quantity, string from, string to, out string? why)
    {
        why = null;
        if (Normalise(from) == Normalise(to)) return UnitConversion.Identity;
        var candidates = quantity is null
            ? Table.Where(q => q.ToBase.ContainsKey(Normalise(from)) && q.ToBase.ContainsKey(Normalise(to))).ToArray()
            : Table.Where(q => q.Name == quantity).ToArray();
        if (quantity is not null && candidates.Length == 0) { why = $"quantity '{quantity}' is not in the clinical unit table ({Describe()})"; return null; }
        if (candidates.Length == 0) { why = $"no quantity in the clinical unit table has both '{from}' and '{to}' ({Describe()})"; return null; }
        var q = candidates[0];
        if (quantity is null && (candidates.Length > 1 || q.NeedsName))
        {
            why = $"'{from}' to '{to}' depends on what is measured ({string.Join(", ", candidates.Select(c => c.Name))}): give the schema column a 'quantity'";
            return null;
        }

        if (!q.ToBase.TryGetValue(Normalise(from), out var fromBase) || !q.ToBase.TryGetValue(Normalise(to), out var toBase))
        {
            why = $"{q.Name} has units {string.Join(", ", q.ToBase.Keys)}, not '{(q.ToBase.ContainsKey(Normalise(from)) ? to : from)}'";
            return null;
        }

        return fromBase.Then(toBase.Inverse());
    }

    /// <summary>True when <paramref name="quantity"/> is in the table and <paramref name="unit"/> (when given) is one of its units.</summary>
    public static bool Knows(string quantity, string? unit) =>
        Table.FirstOrDefault(q => q.Name == quantity) is { } q && (unit is null || q.ToBase.ContainsKey(Normalise(unit)));

    /// <summary>The table in one line, for error messages and docs.</summary>
    public static string Describe() => string.Join("; ", Table.Select(q => $"{q.Name}: {string.Join(", ", q.ToBase.Keys)}"));

    /// <summary>One spelling per unit: "mg/dl", "mg/dL" and "mg / dL" are the same; "µmol/L", "μmol/L" and "umol/L" too; "°C" is degC.</summary>
    public static string Normalise(string unit)
    {
        var u = unit.Trim().Replace(" ", "", StringComparison.Ordinal).Replace('µ', 'u').Replace('μ', 'u').ToLowerInvariant();
        return u switch
        {
            "°c" or "c" or "degc" or "celsius" => "degC",
            "°f" or "f" or "degf" or "fahrenheit" => "degF",
            "lbs" or "pound" or "pounds" => "lb",
            "inch" or "inches" or "\"" => "in",
            "day" or "d" => "days",
            "week" or "wk" => "weeks",
            "month" or "mo" => "months",
            "year" or "yr" or "y" => "years",
            _ => Canonical.GetValueOrDefault(u, u),
        };
    }

    private static readonly Dictionary<string, string> Canonical = new(StringComparer.Ordinal)
    {
        ["mg/dl"] = "mg/dL", ["mmol/l"] = "mmol/L", ["umol/l"] = "umol/L", ["mmhg"] = "mmHg", ["kpa"] = "kPa",
    };

    private static Quantity Concentration(string name, double molarMass) =>
        new(name, "mg/dL", Units(("mg/dL", 1, 0), ("mmol/L", molarMass / 10, 0)), NeedsName: true);

    private static Dictionary<string, UnitConversion> Units(params (string Unit, double Scale, double Offset)[] units) =>
        units.ToDictionary(u => u.Unit, u => new UnitConversion(u.Scale, u.Offset), StringComparer.Ordinal);

    /// <summary>A conversion in words, for reports: "mmol/L -> mg/dL (x 38.665)".</summary>
    public static string Explain(string from, string to, UnitConversion conversion) => string.Create(CultureInfo.InvariantCulture,
        $"{from} -> {to} (x {conversion.Scale:G6}{(conversion.Offset == 0 ? "" : $" {(conversion.Offset < 0 ? "-" : "+")} {Math.Abs(conversion.Offset):G6}")})");
}
