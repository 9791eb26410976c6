using System.Text.Json.Serialization;
using System.Security.Cryptography;
using System.Text.Json;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Collection;
using FedChain.Learning.Compression;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Json;
using FedChain.Learning.Models;
using FedChain.Learning.Personalisation;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Randomness;
using FedChain.Learning.Robust;
using FedChain.Learning.Training;

namespace FedChain.Learning.Plans;

/// <summary>
/// Everything a federated run needs, as one canonical JSON document whose SHA-256 (<see cref="Hash"/>)
/// goes on-chain. <c>fedchain simulate</c> and every network node run exactly this plan, so the same
/// plan and the same committed updates give the same global model bits.
/// </summary>
/// <param name="FormatVersion">Bumped when the meaning of a field changes.</param>
/// <param name="Schema">The consortium's dataset schema, embedded so the plan is self-contained.</param>
/// <param name="Normalisation">How features are scaled before training.</param>
/// <param name="Model">The model family.</param>
/// <param name="Client">Local training: optimiser, learning rate, steps or epochs, batch size, FedProx mu.</param>
/// <param name="Server">The server rule and its hyper-parameters.</param>
/// <param name="Rounds">Federated rounds.</param>
/// <param name="Seed">The plan seed; every other seed derives from it (<see cref="DerivedSeed"/>).</param>
/// <param name="Quantisation">Fixed-point bits and the most members whose updates may be summed.</param>
/// <param name="Privacy">DP-SGD per member (null: no DP).</param>
/// <param name="SecureAggregation">Secure aggregation's choice and threshold (null: not used).</param>
/// <param name="Contribution">Contribution scores and rewards (null: the plan does not score).</param>
/// <param name="Robust">A robust rule in place of the plain weighted mean (null: the plain mean).</param>
/// <param name="Compression">Compression of each committed update (null: 32 bits per coordinate).</param>
/// <param name="Personalisation">Personal models beside the global one (null: the global model only).</param>
/// <param name="StartFrom">Transfer: an earlier plan's released model to start from (null: the seed's initial parameters).</param>
/// <param name="Chain">The terms the chain enforces: windows, quorum, scores lag, reward rate (null: <see cref="ChainTerms.Default"/>).</param>
/// <param name="Asynchronous">Buffered asynchronous rounds, arrival windows of K commits (null: synchronous rounds).</param>
/// <param name="Collection">How the round's sum is collected: sharded aggregation (null: every update replicated to every member).</param>
public sealed record TrainingPlan(
    int FormatVersion,
    DatasetSchema Schema,
    Normalisation Normalisation,
    ModelSpec Model,
    LocalTrainingOptions Client,
    ServerSettings Server,
    int Rounds,
    long Seed,
    QuantisationSettings Quantisation,
    PrivacySettings? Privacy = null,
    SecureAggregationSettings? SecureAggregation = null,
    ContributionSettings? Contribution = null,
    RobustSettings? Robust = null,
    CompressionSettings? Compression = null,
    PersonalisationSettings? Personalisation = null,
    ReleasedModel? StartFrom = null,
    ChainTerms? Chain = null,
    CollectionSettings? Collection = null,
    Asynchronous.AsynchronousSettings? Asynchronous = null)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The canonical bytes: compact JSON, declaration order, invariant numbers, null sections left out.</summary>
    public byte[] CanonicalBytes() => CanonicalJson.ToBytes(this);

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, lower-case hex.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));

    /// <summary>The model this plan trains, sized for the schema's features.</summary>
    public ModelArchitecture Architecture() => ModelArchitecture.Create(Model, Schema.FeatureCount, Model.OutputCount(Schema.Task.Kind));

    /// <summary>Length of the flat parameter vector.</summary>
    [JsonIgnore]
    public int ParameterCount => Architecture().ParameterCount;

    /// <summary>Length of a client's update vector: the parameters, and again for SCAFFOLD's control delta; for trees, the longest round's histograms.</summary>
    [JsonIgnore]
    public int UpdateLength => Architecture().UpdateLength(Server.UsesControlVariates);

    /// <summary>How many 32-bit words a member commits per round: the update, or its compressed form.</summary>
    [JsonIgnore]
    public int WireLength => Compression?.WireLength(UpdateLength) ?? UpdateLength;

    /// <summary>With <see cref="StartFrom"/>: the released model's bits, once loaded (<see cref="WithStartingModel"/>). Not part of the plan document.</summary>
    [JsonIgnore]
    public float[]? StartingModel { get; private init; }

    /// <summary>Round-0 global parameters: drawn in C# from the plan seed (never torch's generator), or with transfer the released model.</summary>
    public float[] InitialParameters() => StartFrom is null
        ? Architecture().InitialParameters(DerivedSeed.Random(Seed, "initial-parameters"))
        : [.. StartingModel ?? throw new InvalidOperationException($"the plan starts from plan {StartFrom.PlanId}'s released model {StartFrom.ModelHash[..12]}; load its bits first (WithStartingModel)")];

    /// <summary>The plan with the released model it starts from; throws when the bits are not that model or do not fit.</summary>
    public TrainingPlan WithStartingModel(float[] parameters)
    {
        var released = StartFrom ?? throw new InvalidOperationException("the plan does not start from a released model");
        if (parameters.Length != ParameterCount) throw new ArgumentException($"the released model has {parameters.Length} parameters; this plan's model has {ParameterCount}");
        if (ModelHash.Of(parameters) != released.ModelHash) throw new ArgumentException($"the model given hashes to {ModelHash.Of(parameters)[..12]}, not to the release {released.ModelHash[..12]} of plan {released.PlanId}");
        return this with { StartingModel = [.. parameters] };
    }

    /// <summary>Throws with the field's name when the plan cannot run.</summary>
    public TrainingPlan Validate()
    {
        if (FormatVersion != CurrentFormatVersion) throw new ArgumentException($"plan formatVersion {FormatVersion} is not supported (expected {CurrentFormatVersion})");
        if (Rounds <= 0) throw new ArgumentException($"plan rounds must be above 0, got {Rounds}");
        Model.Validate(Schema.Task.Kind, Schema.FeatureCount);
        ValidateFamily();
        Client.Validate();
        Server.Validate();
        Quantisation.Validate();
        Privacy?.Validate(this);
        SecureAggregation?.Validate(Quantisation.MaxMembers);
        Contribution?.Validate(Schema.Task.Kind);
        Robust?.Validate();
        Compression?.Validate();
        Personalisation?.Validate();
        StartFrom?.Validate();
        if (StartFrom is not null && Model.Kind == ModelKind.BoostedTrees) throw new ArgumentException("plan startFrom: transfer starts a gradient-trained model from released weights; boosted trees grow their ensemble from the first tree");
        Chain?.Validate();
        if (Pipeline.PlanCompatibility.Refusal(this) is { } why) throw new ArgumentException($"plan combination cannot run: {why}");
        return this;
    }

    // What each family can be combined with: trees grow by their own rule over a fixed schedule of
    // rounds, on standardised features (the bin sketch is in z units); DP-SGD needs per-record
    // gradients, which layers reused across time steps do not give.
    private void ValidateFamily()
    {
        var trees = Model.Kind == ModelKind.BoostedTrees;
        if (trees != (Server.Rule == ServerRuleKind.TreeGrowth)) throw new ArgumentException($"server rule '{Server.Rule}' does not fit model '{Model.Kind}': boosted trees and tree-growth go together");
        if (trees && Rounds != Model.Trees!.Rounds) throw new ArgumentException($"plan rounds must be {Model.Trees!.Rounds} for {Model.Trees.Trees} trees of depth {Model.Trees.Depth} (one to agree the bins, one per level), got {Rounds}");
        if (trees && Normalisation != Normalisation.Federated) throw new ArgumentException($"boosted trees need federated normalisation (the bin sketch is in standardised units), got '{Normalisation}'");
        if (Model.Epidemic is not null && Normalisation != Normalisation.None) throw new ArgumentException($"model epidemic inputs hold log(1 + count) and must reach the model unscaled: normalisation must be 'none', got '{Normalisation}'");
        if (Privacy is not null && (trees || Model.IsSequence)) throw new ArgumentException($"plan privacy: model '{Model.Kind}' cannot train with DP-SGD (per-record gradients need linear or MLP layers)");
        if (Privacy is not null && Schema.Task.Kind == TaskKind.Count) throw new ArgumentException("plan privacy: DP-SGD has no per-record count loss yet");
        if (Contribution is not null && Schema.Task.Kind == TaskKind.Count) throw new ArgumentException("contribution scoring has no utility metric for count tasks yet");
    }

    public static TrainingPlan Parse(string json, string source)
    {
        try
        {
            var plan = JsonSerializer.Deserialize<TrainingPlan>(json, CanonicalJson.Options) ?? throw new ArgumentException($"plan '{source}' is empty");
            return plan.Validate();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"plan '{source}': {e.Message}", e);
        }
    }
}
