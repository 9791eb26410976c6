using System.Text.Json.Serialization;

namespace FedChain.Learning.Survival;

/// <summary>One family's C-indices for one seed.</summary>
public sealed record TreatmentScores(
    [property: JsonPropertyName("rotterdam_test")] double RotterdamTest,
    [property: JsonPropertyName("gbsg_test")] double GbsgTest,
    [property: JsonPropertyName("external_rotterdam_model_on_gbsg")] double RotterdamOnGbsg,
    [property: JsonPropertyName("external_gbsg_model_on_rotterdam")] double GbsgOnRotterdam,
    [property: JsonPropertyName("validation")] double Validation);
