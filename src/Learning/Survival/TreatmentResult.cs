using System.Text.Json.Serialization;
using FedChain.Learning.Benchmarks;

namespace FedChain.Learning.Survival;

/// <summary>results.json of <c>fedchain bench treatment</c>.</summary>
/// <param name="RecommendationModel">The family whose first-seed model gave risks.csv and the recommendation (the better validation C-index).</param>
public sealed record TreatmentResult(
    [property: JsonPropertyName("dataset")] string Dataset,
    [property: JsonPropertyName("seeds")] IReadOnlyList<long> Seeds,
    [property: JsonPropertyName("sites")] IReadOnlyList<string> Sites,
    [property: JsonPropertyName("methods")] IReadOnlyDictionary<string, TreatmentMethodResult> Methods,
    [property: JsonPropertyName("recommendation_model")] string RecommendationModel,
    [property: JsonPropertyName("recommendation")] TreatmentRecommendation Recommendation,
    [property: JsonPropertyName("recommendation_by_site")] IReadOnlyDictionary<string, TreatmentRecommendation> RecommendationBySite,
    [property: JsonPropertyName("published_deepsurv_protocol")] IReadOnlyDictionary<string, double> Published,
    [property: JsonPropertyName("tuning")] IReadOnlyList<TuningRecord> Tuning,
    [property: JsonIgnore] TreatmentRisks Risks);
