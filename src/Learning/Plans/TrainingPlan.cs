using System.Text.Json.Serialization;
using System.Security.Cryptography;
using System.Text.Json;
using FedChain.Learning.Aggregation;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Json;
using FedChain.Learning.Models;
using FedChain.Learning.Quantisation;
using FedChain.Learning.Randomness;
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
    ContributionSettings? Contribution = null)
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

    /// <summary>Round-0 global parameters, drawn in C# from the plan seed (never torch's generator).</summary>
    public float[] InitialParameters() => Architecture().InitialParameters(DerivedSeed.Random(Seed, "initial-parameters"));

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
