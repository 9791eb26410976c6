using FedChain.Learning.Aggregation;
using FedChain.Learning.Contribution;
using FedChain.Learning.Data;
using FedChain.Learning.Plans;
using FedChain.Learning.Privacy.DpSgd;
using FedChain.Learning.Pipeline.Stages;
using FedChain.Learning.Training;

namespace FedChain.Learning.Pipeline;

/// <summary>
/// One plan's round, as its stages (<see cref="RoundFeatures"/>), chosen once when the plan loads.
/// <c>fedchain simulate</c> (<see cref="Simulation.FederatedSimulation"/>) and the node call these same
/// stages for the same maths; the node adds its chain and network hooks around them (publish and
/// commit, collection, masking and unmasking), so both reach the same bits.
/// </summary>
public sealed class RoundPipeline
{
    private RoundPipeline(TrainingPlan plan, IReadOnlyList<RoundStage> stages)
    {
        Plan = plan;
        Stages = stages;
        Training = stages.OfType<TrainingStage>().Single();
        Quantisation = stages.OfType<QuantisationStage>().Single();
        Masking = stages.OfType<MaskingStage>().SingleOrDefault();
        Rule = stages.OfType<AggregationStage>().Single();
        Scoring = stages.OfType<ScoringStage>().SingleOrDefault();
    }

    public TrainingPlan Plan { get; }

    /// <summary>The plan's stages in hook order.</summary>
    public IReadOnlyList<RoundStage> Stages { get; }

    public TrainingStage Training { get; }

    public QuantisationStage Quantisation { get; }

    /// <summary>Secure aggregation; null when updates travel unmasked.</summary>
    public MaskingStage? Masking { get; }

    public AggregationStage Rule { get; }

    /// <summary>The contribution rule; null when the plan does not score.</summary>
    public ScoringStage? Scoring { get; }

    /// <summary>Whether the server-side stages see each member's update (false under secure aggregation).</summary>
    public bool SeesIndividualUpdates => Masking is null;

    /// <summary>The plan's stages; throws naming the stages when they cannot run together (<see cref="PlanCompatibility"/>).</summary>
    public static RoundPipeline For(TrainingPlan plan)
    {
        var stages = RoundFeatures.Of(plan);
        if (PlanCompatibility.Refusal(plan, stages) is { } why) throw new ArgumentException($"plan cannot run: {why}");
        return new RoundPipeline(plan, stages);
    }

    /// <summary>Local training (plain or DP-SGD) of one member for <paramref name="round"/>.</summary>
    public ClientUpdate Train(float[] global, ServerState server, SiteDataset train, int round, ClientState state, NoiseSource? noise) =>
        Training.Train(Plan, global, server.Control, train, round, state, noise);

    /// <summary>What the member commits: its update as fixed-point integers.</summary>
    public uint[] Encode(ClientUpdate update, int round, string site, out int clipped) =>
        Quantisation.Encode(Plan, update, round, site, out clipped);

    /// <summary>The server stages' inputs from the round's sum; <paramref name="updates"/> are dropped when the plan hides them.</summary>
    public RoundInputs Inputs(int round, float[] global, ServerState state, RoundSum sum, IReadOnlyList<MemberUpdate>? updates, int members) =>
        new(round, global, state, sum, SeesIndividualUpdates ? updates : null, members);

    /// <summary>The server rule: the round's new model and state.</summary>
    public (float[] Global, ServerState State) Aggregate(RoundInputs inputs) => Rule.Apply(Plan, inputs);

    /// <summary>A member's utility report for the round; null when the plan does not score or its rows cannot measure the metric.</summary>
    public UtilityReport? Report(RoundInputs inputs, string member, SiteDataset validation) =>
        Scoring?.Report(Plan, inputs, member, validation);
}
