using System.Text.Json.Serialization;

namespace FedChain.Learning.Analysis.Results;

/// <summary>What an analysis released, after disclosure control. <c>kind</c> in JSON: table, km, logrank, glm or cox.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(TableResult), "table")]
[JsonDerivedType(typeof(KaplanMeierResult), "km")]
[JsonDerivedType(typeof(LogRankResult), "logrank")]
[JsonDerivedType(typeof(GlmResult), "glm")]
[JsonDerivedType(typeof(CoxResult), "cox")]
public abstract record AnalysisResult(string Name, string Title)
{
    /// <summary>Set when a disclosure rule refused the analysis; nothing else is released then.</summary>
    public Refusal? Refused { get; init; }

    /// <summary>Steps (rounds) the analysis took.</summary>
    public int Steps { get; init; }

    /// <summary>The k applied.</summary>
    public int MinCellCount { get; init; }

    /// <summary>The DP noise on its counts, when the plan asked for it.</summary>
    public DpNote? Dp { get; init; }

    /// <summary>Remarks for the reader: what was suppressed and why, what the method assumes.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
