using System.Text.Json.Serialization;

namespace FedChain.Learning.Survival;

/// <summary>Recurrence-free survival of patients treated as recommended against the others.</summary>
public sealed record TreatmentRecommendation(
    [property: JsonPropertyName("as_recommended")] int AsRecommended,
    [property: JsonPropertyName("not_as_recommended")] int NotAsRecommended,
    [property: JsonPropertyName("median_rfs_days_as_recommended")] double? MedianAsRecommended,
    [property: JsonPropertyName("median_rfs_days_not_as_recommended")] double? MedianNotAsRecommended,
    [property: JsonPropertyName("hazard_ratio")] double HazardRatio,
    [property: JsonPropertyName("hazard_ratio_ci95")] IReadOnlyList<double> HazardRatioCi,
    [property: JsonPropertyName("logrank_chi2")] double ChiSquare,
    [property: JsonPropertyName("logrank_p")] double P,
    [property: JsonIgnore] KaplanMeier CurveAsRecommended,
    [property: JsonIgnore] KaplanMeier CurveNotAsRecommended)
{
    public static TreatmentRecommendation Of(IReadOnlyList<float> times, IReadOnlyList<float> events, IReadOnlyList<int> asRecommended)
    {
        KaplanMeier Curve(int group)
        {
            var rows = Enumerable.Range(0, times.Count).Where(i => asRecommended[i] == group).ToArray();
            return KaplanMeier.Fit([.. rows.Select(i => times[i])], [.. rows.Select(i => events[i])]);
        }

        var yes = Curve(1);
        var no = Curve(0);
        var test = LogRankTest.Compare(times, events, asRecommended);
        return new TreatmentRecommendation(yes.Rows, no.Rows, yes.Median, no.Median, test.HazardRatio, [test.LowerCi, test.UpperCi], test.ChiSquare, test.P, yes, no);
    }
}
