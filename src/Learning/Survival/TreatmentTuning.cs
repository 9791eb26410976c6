using System.Globalization;
using FedChain.Learning.Benchmarks;
using FedChain.Learning.Data;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Metrics;

namespace FedChain.Learning.Survival;

/// <summary>
/// Picks each family's setting on validation rows carved out of the training rows it is given
/// (stratified by event, <see cref="TreatmentProtocol.TuningFitFraction"/> to fit): every candidate
/// is trained federatedly on the fit rows and scored by the C-index over pairs within each site's
/// validation rows (<see cref="ConcordanceIndex.Stratified"/>: the cohorts' baselines differ). It
/// is handed training rows only, so test rows cannot take part.
/// </summary>
public static class TreatmentTuning
{
    public sealed record Choice(IReadOnlyDictionary<string, TreatmentMethod> Chosen, IReadOnlyDictionary<string, double> Scores, IReadOnlyList<TuningRecord> Records);

    public static Choice Choose(TreatmentProtocol protocol, DatasetSchema schema, IReadOnlyList<SiteDataset> trainingRows, long seed, Action<string, long>? step = null)
    {
        var carved = trainingRows.Select(t => TrainTestSplit.CarveValidation(t, protocol.TuningFitFraction, protocol.TuningSplitSeed)).ToArray();
        var scores = new Dictionary<TreatmentMethod, double>();
        foreach (var candidate in protocol.Families)
        {
            var (parameters, scaled) = TreatmentBenchmark.TrainFederated(protocol, schema, candidate, carved, seed);
            var model = TreatmentBenchmark.Plan(protocol, schema, candidate, seed).Architecture();
            scores[candidate] = ConcordanceIndex.Stratified(scaled.Select(v => ((IReadOnlyList<float>)v.Test.Times!, (IReadOnlyList<float>)model.Predict(parameters, v.Test), (IReadOnlyList<float>)v.Test.Events!)));
            step?.Invoke($"{candidate.Name}: tuning {candidate.Candidate}", seed);
        }

        var chosen = new Dictionary<string, TreatmentMethod>();
        var best = new Dictionary<string, double>();
        var records = new List<TuningRecord>();
        var how = string.Create(CultureInfo.InvariantCulture,
            $"seed {seed}: each candidate trained on {protocol.TuningFitFraction:P0} of every site's training rows, scored by the C-index over pairs within each site's other {1 - protocol.TuningFitFraction:P0} (split stratified by event, seed {protocol.TuningSplitSeed}); test rows unused");
        foreach (var family in protocol.Families.GroupBy(f => f.Name))
        {
            var winner = family.MaxBy(c => scores[c])!;
            chosen[family.Key] = winner;
            best[family.Key] = scores[winner];
            records.Add(new TuningRecord(family.Key, winner.Candidate, family.ToDictionary(c => c.Candidate, c => scores[c]), how));
        }

        return new Choice(chosen, best, records);
    }
}
