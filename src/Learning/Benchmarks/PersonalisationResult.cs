using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>What <c>fedchain bench personalisation</c> writes to results.json: per site, and the unweighted means over sites.</summary>
public sealed record PersonalisationResult(
    [property: JsonPropertyName("per_site")] IReadOnlyDictionary<string, SiteAccuracy> PerSite,
    [property: JsonPropertyName("mean_personal")] double MeanPersonal,
    [property: JsonPropertyName("mean_global")] double MeanGlobal);
