using FedChain.Learning.Aggregation;
using FedChain.Learning.Compression;
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
        Compression = stages.OfType<CompressionStage>().SingleOrDefault();
        Masking = stages.OfType<MaskingStage>().SingleOrDefault();
        Buffering = stages.OfType<BufferingStage>().SingleOrDefault();
        Sharding = stages.OfType<ShardedCollectionStage>().SingleOrDefault();
        Rule = stages.OfType<AggregationStage>().Single();
        Personal = stages.OfType<PersonalStage>().SingleOrDefault();
        Scoring = stages.OfType<ScoringStage>().SingleOrDefault();
    }

    public TrainingPlan Plan { get; }

    /// <summary>The plan's stages in hook order.</summary>
    public IReadOnlyList<RoundStage> Stages { get; }

    public TrainingStage Training { get; }

    public QuantisationStage Quantisation { get; }

    /// <summary>Compression of the committed words; null: every coordinate as a 32-bit integer.</summary>
    public CompressionStage? Compression { get; }

    /// <summary>Secure aggregation; null when updates travel unmasked.</summary>
    public MaskingStage? Masking { get; }

    /// <summary>Asynchronous rounds (arrival windows, staleness weights); null when rounds are synchronous.</summary>
    public BufferingStage? Buffering { get; }
    /// <summary>Sharded aggregation at collection; null when every update is replicated to every member.</summary>
    public ShardedCollectionStage? Sharding { get; }

    public AggregationStage Rule { get; }

    /// <summary>Personal models; null when the plan trains the global model only.</summary>
    public PersonalStage? Personal { get; }

    /// <summary>The contribution rule; null when the plan does not score.</summary>
    public ScoringStage? Scoring { get; }

    /// <summary>Whether the server-side stages see each member's update (false under secure aggregation or sharded aggregation).</summary>
    public bool SeesIndividualUpdates => Masking is null && Sharding is null;

    /// <summary>The plan's stages; throws naming the stages when they cannot run together (<see cref="PlanCompatibility"/>).</summary>
    public static RoundPipeline For(TrainingPlan plan)
    {
        var stages = RoundFeatures.Of(plan);
        if (PlanCompatibility.Refusal(plan, stages) is { } why) throw new ArgumentException($"plan cannot run: {why}");
        return new RoundPipeline(plan, stages);
    }

    /// <summary>Local training (plain or DP-SGD) of one member for <paramref name="round"/>, from where its personal stage says, and what it commits of it.</summary>
    public ClientUpdate Train(float[] global, ServerState server, SiteDataset train, int round, ClientState state, NoiseSource? noise)
    {
        var start = TrainingStart(global, state);
        return AfterTraining(global, start, Training.Train(Plan, start, server.Control, train, round, state, noise), train, round);
    }

    /// <summary>Where a member's local training starts: the global model, or with FedPer the global body and the member's own head.</summary>
    public float[] TrainingStart(float[] global, ClientState state) => Personal?.TrainingStart(Plan, global, state) ?? global;

    /// <summary>The personal stage's part after local training (a simulated site's own client trains in between): what is shared, the new personal state.</summary>
    public ClientUpdate AfterTraining(float[] global, float[] start, ClientUpdate update, SiteDataset train, int round) =>
        Personal?.AfterTraining(Plan, global, start, update, train, round) ?? update;

    /// <summary>What the member commits: its update as fixed-point integers, compressed when the plan says (the residual it carries goes in the state).</summary>
    public EncodedUpdate Encode(ClientUpdate update, int round, string site)
    {
        var quantised = Quantisation.Encode(Plan, update, round, site, out var clipped);
        if (Compression is null) return new EncodedUpdate(quantised, update.SampleCount, update.State, clipped);
        var (words, residual) = UpdateCompression.Compress(Plan, quantised, update.State.Residual, round, site);
        return new EncodedUpdate(words, update.SampleCount, update.State with { Residual = residual }, clipped);
    }

    /// <summary>A committed update as the server stages take it: its words expanded to the fixed-point update.</summary>
    /// <exception cref="InvalidDataException">The words are not something the plan's compression writes.</exception>
    public MemberUpdate Expand(uint[] words, long samples, int round) => new(UpdateCompression.Expand(Plan, words, round), samples);

    /// <summary>A committed update as the buffer counts it in window <paramref name="window"/>, having trained for <paramref name="trainedRound"/> (synchronous rounds: unchanged).</summary>
    public MemberUpdate Arrived(MemberUpdate update, int trainedRound, int window) =>
        Buffering?.Weigh(update, window - trainedRound) ?? update;

    /// <summary>The site's personal model after <paramref name="round"/> gave <paramref name="global"/> (null: the plan has none, or not yet).</summary>
    public float[]? PersonalModel(float[] global, ClientState state, SiteDataset train, int round) => Personal?.Model(Plan, global, state, train, round);

    /// <summary>The server stages' inputs from the round's sum; <paramref name="updates"/> are dropped when the plan hides them.</summary>
    public RoundInputs Inputs(int round, float[] global, ServerState state, RoundSum sum, IReadOnlyList<MemberUpdate>? updates, int members) =>
        new(round, global, state, sum, SeesIndividualUpdates ? updates : null, members);

    /// <summary>The server rule: the round's new model and state.</summary>
    public (float[] Global, ServerState State) Aggregate(RoundInputs inputs) => Rule.Apply(Plan, inputs);

    /// <summary>A member's utility report for the round; null when the plan does not score or its rows cannot measure the metric.</summary>
    public UtilityReport? Report(RoundInputs inputs, string member, SiteDataset validation) =>
        Scoring?.Report(Plan, Rule, inputs, member, validation);
}
