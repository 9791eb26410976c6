using System.Text.Json.Serialization;

namespace FedChain.Learning.Benchmarks;

/// <summary>
/// What <c>fedchain bench robust</c> writes to results.json: mean per-site test accuracy over the
/// seeds of the five-member run with an honest fifth (plain weighted mean), the default robust rule,
/// and per attack the plain weighted mean's accuracy and each robust rule's.
/// </summary>
public sealed record RobustnessResult(
    [property: JsonPropertyName("honest")] double Honest,
    [property: JsonPropertyName("default_rule")] string DefaultRule,
    [property: JsonPropertyName("attacks")] IReadOnlyDictionary<string, AttackResult> Attacks);
