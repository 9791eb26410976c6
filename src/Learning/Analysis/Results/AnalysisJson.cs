using System.Text.Json;
using System.Text.Json.Serialization;

namespace FedChain.Learning.Analysis.Results;

/// <summary>
/// The JSON form of analysis results (OUT/analysis.json): snake_case names (std_error, ci_lower,
/// n_risk, ...), kebab-case enum values, "NaN" for undefined numbers, null fields left out.
/// </summary>
public static class AnalysisJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = true,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
