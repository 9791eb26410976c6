using System.Text.Json;
using FedChain.Learning.Analysis.Results;

namespace FedChain.Node.Tests.Analyses;

/// <summary>The results of a node's analysis.json read back into the engine's result types, by analysis name.</summary>
internal static class NodeResults
{
    public static IReadOnlyDictionary<string, AnalysisResult> Of(string analysisJson)
    {
        using var document = JsonDocument.Parse(analysisJson);
        return document.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => r.Deserialize<AnalysisResult>(AnalysisJson.Options)!)
            .ToDictionary(r => r.Name, StringComparer.Ordinal);
    }

    public static T Result<T>(this IReadOnlyDictionary<string, AnalysisResult> results, string name) where T : AnalysisResult =>
        Assert.IsType<T>(results[name]);
}
