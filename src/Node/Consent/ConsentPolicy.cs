using System.Text.Json;
using FedChain.Learning.Json;
using FedChain.Learning.Models;

namespace FedChain.Node.Consent;

/// <summary>
/// The rules under which an institution's node joins a plan without a `fedchain plan approve` (the
/// node config's "consent" section). Each rule left out does not restrict; a plan that breaks one is
/// refused, naming the rule. An explicit approval of a plan's hash still wins: it is a person's decision.
/// </summary>
/// <param name="AllowedSchemas">Schema hashes (SHA-256 of the canonical schema) or schema names the site accepts.</param>
/// <param name="MaxEpsilon">The largest per-plan epsilon the site accepts; a plan without DP (no bound) is refused.</param>
/// <param name="ModelKinds">Model kinds the site accepts (logistic-regression, mlp, linear-cox, ...).</param>
/// <param name="RequireSecureAggregation">Only plans whose updates are masked by secure aggregation.</param>
public sealed record ConsentPolicy(
    IReadOnlyList<string>? AllowedSchemas = null,
    double? MaxEpsilon = null,
    IReadOnlyList<string>? ModelKinds = null,
    bool RequireSecureAggregation = false)
{
    /// <summary>Throws naming the config file and the field when a rule cannot be read.</summary>
    public void Check(string file)
    {
        if (MaxEpsilon is { } e && !(e > 0 && double.IsFinite(e))) throw new InvalidDataException($"{file}: consent.maxEpsilon must be a positive number, got {e}");
        foreach (var kind in ModelKinds ?? [])
        {
            if (ParseKind(kind) is null) throw new InvalidDataException($"{file}: consent.modelKinds entry '{kind}' is not a model kind ({string.Join(", ", Enum.GetValues<ModelKind>().Select(Name))})");
        }
    }

    public static string Name(ModelKind kind) => JsonSerializer.Serialize(kind, CanonicalJson.Options).Trim('"');

    public static ModelKind? ParseKind(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<ModelKind>($"\"{text}\"", CanonicalJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
