using System.Text.Json.Serialization;
using FedChain.Learning.Benchmarks;

namespace FedChain.Learning.Survival;

/// <summary>One family's C-indices: means and population sds over the seeds, and DeepSurv's protocol.</summary>
public sealed record TreatmentMethodResult(
    [property: JsonPropertyName("rotterdam_test")] double RotterdamTest,
    [property: JsonPropertyName("rotterdam_test_sd")] double RotterdamTestSd,
    [property: JsonPropertyName("gbsg_test")] double GbsgTest,
    [property: JsonPropertyName("gbsg_test_sd")] double GbsgTestSd,
    [property: JsonPropertyName("external_rotterdam_model_on_gbsg")] double RotterdamOnGbsg,
    [property: JsonPropertyName("external_gbsg_model_on_rotterdam")] double GbsgOnRotterdam,
    [property: JsonPropertyName("deepsurv_protocol_gbsg")] double DeepSurvProtocol,
    [property: JsonPropertyName("validation")] double Validation,
    [property: JsonPropertyName("per_seed")] IReadOnlyList<TreatmentScores> PerSeed)
{
    public static TreatmentMethodResult Of(IReadOnlyList<TreatmentScores> seeds, double deepSurvProtocol)
    {
        var (r, rSd) = SeedSummary.Of(seeds.Select(s => s.RotterdamTest));
        var (g, gSd) = SeedSummary.Of(seeds.Select(s => s.GbsgTest));
        return new TreatmentMethodResult(r, rSd, g, gSd, seeds.Average(s => s.RotterdamOnGbsg), seeds.Average(s => s.GbsgOnRotterdam), deepSurvProtocol, seeds.Average(s => s.Validation), seeds);
    }
}
