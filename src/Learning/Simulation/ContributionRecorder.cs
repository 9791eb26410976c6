using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;

namespace FedChain.Learning.Simulation;

/// <summary>
/// Scores every round of a simulation as the network would: the subset models are built from the
/// committed fixed-point updates, every site evaluates them on its own held-out rows and reports,
/// and <see cref="RoundScoring.Score"/> turns the reports into scores and rewards.
/// </summary>
public sealed class ContributionRecorder : IRoundObserver
{
    private readonly TrainingPlan _plan;
    private readonly ContributionSettings _settings;
    private readonly IReadOnlyList<SimulatedSite> _sites;
    private readonly TimeProvider _time;
    private readonly string _planHash;
    private readonly ModelArchitecture _model;
    private readonly List<RoundContribution> _rounds = [];

    /// <param name="time">Times each step for the cost figure; <see cref="TimeProvider.System"/> by default.</param>
    public ContributionRecorder(TrainingPlan plan, IReadOnlyList<SimulatedSite> sites, TimeProvider? time = null)
    {
        _plan = plan;
        _settings = plan.Contribution ?? throw new ArgumentException("the plan has no contribution section to score with", nameof(plan));
        _sites = sites;
        _time = time ?? TimeProvider.System;
        _planHash = plan.Hash;
        _model = plan.Architecture();
    }

    public IReadOnlyList<RoundContribution> Rounds => _rounds;

    public void Observe(RoundUpdates round)
    {
        var start = _time.GetTimestamp();
        var schedule = CoalitionSchedule.For(_settings, _plan.Seed, round.Round, round.Sites.Count);
        var updates = round.Updates.Select((u, s) => new MemberUpdate(
            round.Quantised?[s] ?? RoundAggregation.Quantise(_plan, u, round.Round, round.Sites[s], out _), u.SampleCount)).ToArray();
        var models = CoalitionModels.BuildAll(_plan, round.GlobalBefore, round.StateBefore, updates, schedule, round.Members);
        var built = _time.GetTimestamp();

        var reports = new List<UtilityReport>();
        var evaluate = new TimeSpan[_sites.Count];
        for (var s = 0; s < _sites.Count; s++)
        {
            var from = _time.GetTimestamp();
            var report = UtilityEvaluation.Evaluate(_planHash, round.Round, _sites[s].Name, _model, _settings.Metric, _sites[s].Data.Test, schedule, models);
            if (report is not null) reports.Add(report);
            evaluate[s] = _time.GetElapsedTime(from);
        }

        var scoring = _time.GetTimestamp();
        var roster = round.Sites.Select((name, s) => new RosterMember(name, round.Updates[s].SampleCount)).ToArray();
        var scores = RoundScoring.Score(_settings, _planHash, _plan.Seed, round.Round, roster, reports);
        _rounds.Add(new RoundContribution(scores, reports, schedule.Count, _time.GetElapsedTime(start, built), evaluate, _time.GetElapsedTime(scoring)));
    }
}
