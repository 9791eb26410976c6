using System.Text.Json;
using FedChain.TestSupport;

namespace FedChain.Learning.Tests.Analysis;

/// <summary>
/// The pooled reference numbers in References/references.json, made by References/make_references.R
/// (R's glm, lm, survival::coxph, survfit and survdiff on the pooled rows). The tests read the file;
/// they do not need R.
/// </summary>
internal static class ReferenceNumbers
{
    private static readonly Lazy<JsonDocument> Document = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepoPaths.Combine("tests", "Learning.Tests", "Analysis", "References", "references.json"))));

    public static JsonElement Heart => Document.Value.RootElement.GetProperty("heart_disease");

    public static JsonElement Cohorts => Document.Value.RootElement.GetProperty("rotterdam_gbsg");

    public static double[] Numbers(this JsonElement array) => [.. array.EnumerateArray().Select(Number)];

    public static double Number(this JsonElement e) => e.ValueKind == JsonValueKind.String ? double.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture) : e.GetDouble();
}
