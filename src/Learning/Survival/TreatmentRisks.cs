using System.Globalization;
using System.Text;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Survival;

/// <summary>
/// Every test row's predicted risk under the federated model, and DeepSurv's treatment
/// recommendation (Katzman et al. 2018, §"Treatment recommender system"): each patient's risk with
/// and without hormonal therapy, the lower one recommended; patients whose actual treatment matches
/// the recommendation are compared with the others by Kaplan-Meier curves, median RFS, hazard
/// ratio and log-rank test.
/// </summary>
/// <param name="Recommendation">Over every site's test rows.</param>
/// <param name="BySite">Each site's test rows alone: GBSG-2 was a trial in which hormonal therapy was given by design
/// (Schumacher et al. 1994), so its comparison is the least confounded; in Rotterdam's tumour bank therapy followed prognosis.</param>
public sealed record TreatmentRisks(string Method, IReadOnlyList<PatientRisk> Rows, TreatmentRecommendation Recommendation, IReadOnlyDictionary<string, TreatmentRecommendation> BySite)
{
    /// <param name="therapy">Input position of the 0/1 hormonal-therapy feature.</param>
    public static TreatmentRisks Of(TrainingPlan plan, float[] parameters, IReadOnlyList<CohortSplit> splits, int therapy)
    {
        // The federated standardiser: the sites' summed training moments, in site-name order.
        var scaler = FeatureMoments.Combine([.. splits.OrderBy(s => s.Site.Name, StringComparer.Ordinal).Select(s => FeatureMoments.Of(s.Train))]).ToStandardiser();
        var model = plan.Architecture();
        float[] Risk(SiteDataset rows) => model.Predict(parameters, scaler.Apply(rows));
        var rows = new List<PatientRisk>();
        var times = new List<float>();
        var events = new List<float>();
        var follows = new List<int>();
        var bySite = new Dictionary<string, TreatmentRecommendation>();
        foreach (var split in splits)
        {
            var test = split.Test;
            var risk = Risk(test);
            var treated = Risk(WithTherapy(test, therapy, 1));
            var untreated = Risk(WithTherapy(test, therapy, 0));
            for (var i = 0; i < test.Count; i++)
            {
                var recommended = treated[i] < untreated[i] ? 1 : 0;
                var actual = (int)test.Features[i * test.FeatureCount + therapy];
                rows.Add(new PatientRisk(split.Site.Name, split.Site.PatientIds[split.TestRows[i]], risk[i], treated[i], untreated[i], recommended, actual));
                times.Add(test.Times![i]);
                events.Add(test.Events![i]);
                follows.Add(recommended == actual ? 1 : 0);
            }

            var first = times.Count - test.Count;
            bySite[split.Site.Name] = TreatmentRecommendation.Of(times[first..], events[first..], follows[first..]);
        }

        return new TreatmentRisks(plan.Model.Kind.ToString(), rows, TreatmentRecommendation.Of(times, events, follows), bySite);
    }

    /// <summary>risks.csv: <c>site,pid,risk</c> (the model's log-risk, higher = worse) for every test row of each site.</summary>
    public string ToCsv()
    {
        var csv = new StringBuilder("site,pid,risk\n");
        foreach (var r in Rows) csv.Append(CultureInfo.InvariantCulture, $"{r.Site},{r.PatientId},{r.Risk.ToString("R", CultureInfo.InvariantCulture)}\n");
        return csv.ToString();
    }

    private static SiteDataset WithTherapy(SiteDataset rows, int therapy, float value)
    {
        var features = (float[])rows.Features.Clone();
        for (var i = 0; i < rows.Count; i++) features[i * rows.FeatureCount + therapy] = value;
        return rows with { Features = features };
    }
}

/// <summary>One test patient: the model's risk as treated, and with and without hormonal therapy.</summary>
public sealed record PatientRisk(string Site, string PatientId, float Risk, float RiskTreated, float RiskUntreated, int Recommended, int Actual);
