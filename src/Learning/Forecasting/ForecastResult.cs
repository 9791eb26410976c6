using System.Text.Json.Serialization;

namespace FedChain.Learning.Forecasting;

/// <summary>results.json of <c>fedchain bench influenza</c>.</summary>
/// <param name="Chosen">The federated method with the best validation logS: its first seed wrote forecasts.csv.</param>
/// <param name="Shared">What crossed institution boundaries.</param>
public sealed record ForecastResult(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("fit_through_week")] int FitThrough,
    [property: JsonPropertyName("validation_from_week")] int ValidationFrom,
    [property: JsonPropertyName("test_from_week")] int TestFrom,
    [property: JsonPropertyName("test_to_week")] int TestTo,
    [property: JsonPropertyName("seeds")] IReadOnlyList<long> Seeds,
    [property: JsonPropertyName("regions")] IReadOnlyList<string> Regions,
    [property: JsonPropertyName("methods")] IReadOnlyDictionary<string, ForecastMethodResult> Methods,
    [property: JsonPropertyName("naive")] ForecastMethodResult Naive,
    [property: JsonPropertyName("chosen")] string Chosen,
    [property: JsonPropertyName("anchors")] IReadOnlyDictionary<string, ForecastAnchor> Anchors,
    [property: JsonIgnore] ForecastTable Forecasts,
    [property: JsonPropertyName("shared")] string Shared)
{
    public const string SharedStatement =
        "Each region trains on its own districts' rows and shares only fixed-point model updates (or, for trees, summed bin counts and gradient histograms). " +
        "Its rows' neighbour and all-district channels use other regions' weekly counts of earlier weeks: weekly notifiable-disease counts are released publicly by law (SurvStat@RKI), " +
        "so they are read as released statistics. Standardisation uses the regions' summed feature moments.";
}
