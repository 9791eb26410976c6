using FedChain.Learning.Contribution;
using FedChain.Learning.Pipeline;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Simulation;

/// <summary>
/// Scores every round of a simulation as the network would, through the plan's scoring stage: the
/// subset models are built from the committed fixed-point updates (or, under secure aggregation, from
/// their sum alone), every site evaluates them on its own held-out rows and reports,
/// and <see cref="RoundScoring.Score"/> turns the reports into scores and rewards.
/// </summary>
public sealed class ContributionRecorder : IRoundObserver
{
    private readonly TrainingPlan _plan;
    private readonly ContributionSettings _settings;
    private readonly IReadOnlyList<SimulatedSite> _sites;
    private readonly TimeProvider _time;
    private readonly string _planHash;
    private readonly ScoringStage _scoring;
    private readonly AggregationStage _rule;
    private readonly List<RoundContribution> _rounds = [];

    /// <param name="time">Times each step for the cost figure; <see cref="TimeProvider.System"/> by default.</param>
    public ContributionRecorder(TrainingPlan plan, IReadOnlyList<SimulatedSite> sites, TimeProvider? time = null)
    {
        _plan = plan;
        _settings = plan.Contribution ?? throw new ArgumentException("the plan has no contribution section to score with", nameof(plan));
        _sites = sites;
        _time = time ?? TimeProvider.System;
        _planHash = plan.Hash;
        var pipeline = RoundPipeline.For(plan);
        _scoring = pipeline.Scoring!;
        _rule = pipeline.Rule;
    }

    public IReadOnlyList<RoundContribution> Rounds => _rounds;

    public void Observe(RoundUpdates round)
    {
        var inputs = round.Inputs ?? throw new ArgumentException("scores are computed from committed fixed-point updates; the float path has none", nameof(round));
        var start = _time.GetTimestamp();
        var schedule = _scoring.Schedule(_plan, inputs);
        var models = _scoring.Models(_plan, _rule, inputs, schedule);
        var built = _time.GetTimestamp();

        var reports = new List<UtilityReport>();
        var evaluate = new TimeSpan[_sites.Count];
        for (var s = 0; s < _sites.Count; s++)
        {
            var from = _time.GetTimestamp();
            var report = _scoring.Evaluate(_plan, inputs, _sites[s].Name, _sites[s].Data.Test, schedule, models);
            if (report is not null) reports.Add(report);
            evaluate[s] = _time.GetElapsedTime(from);
        }

        var scoring = _time.GetTimestamp();
        var roster = round.Sites.Select((name, s) => new RosterMember(name, round.Updates[s].SampleCount)).ToArray();
        var scores = RoundScoring.Score(_settings, _planHash, _plan.Seed, round.Round, roster, reports);
        _rounds.Add(new RoundContribution(scores, reports, schedule.Count, _time.GetElapsedTime(start, built), evaluate, _time.GetElapsedTime(scoring)));
    }
}
