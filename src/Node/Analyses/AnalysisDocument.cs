using System.Text;
using System.Text.Json;
using FedChain.Learning.Analysis.Plans;

namespace FedChain.Node.Analyses;

/// <summary>
/// An analysis plan as the network carries it: its canonical JSON (schema embedded), whose SHA-256 is
/// the plan hash governance puts on-chain, offered as a blob like a training plan document.
/// </summary>
public static class AnalysisDocument
{
    /// <summary>Whether <paramref name="bytes"/> hold an analysis plan (a JSON object with <c>analyses</c>) rather than a training plan.</summary>
    public static bool IsAnalysisPlan(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var reader = new Utf8JsonReader(bytes);
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("analyses", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>The plan in <paramref name="bytes"/>, complete with its schema; <see cref="AnalysisPlanException"/> names the source and field.</summary>
    public static AnalysisPlan Parse(byte[] bytes, string source)
    {
        var plan = AnalysisPlan.Parse(Encoding.UTF8.GetString(bytes), source);
        if (plan.Schema is null) throw new AnalysisPlanException($"analysis plan '{source}' has no schema: a plan run by nodes embeds it (the plan.json `fedchain analyse --out` writes)");
        return plan;
    }

    /// <summary>The plan, checked to be in canonical form so that its blob id is its hash; errors name the file.</summary>
    public static AnalysisPlan ParseCanonical(byte[] bytes, string file)
    {
        var plan = Parse(bytes, file);
        if (!bytes.AsSpan().SequenceEqual(plan.CanonicalBytes()))
            throw new InvalidDataException($"{file} is not in canonical form, so its hash would not be the plan hash {plan.Hash}; use the plan.json `fedchain analyse --out` writes");
        return plan;
    }
}
