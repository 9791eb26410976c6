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
/// <param name="Chain">The terms the chain enforces: windows, quorum, scores lag, reward rate (null: <see cref="ChainTerms.Default"/>).</param>
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
    ChainTerms? Chain = null)
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The canonical bytes: compact JSON, declaration order, invariant numbers, null sections left out.</summary>
    public byte[] CanonicalBytes() => CanonicalJson.ToBytes(this);

    /// <summary>SHA-256 of <see cref="CanonicalBytes"/>, lower-case hex.</summary>
    [JsonIgnore]
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(CanonicalBytes()));

    /// <summary>The model this plan trains, sized for the schema's features.</summary>
    public ModelArchitecture Architecture() => ModelArchitecture.Create(Model, Schema.FeatureCount);

    /// <summary>Length of the flat parameter vector.</summary>
    [JsonIgnore]
    public int ParameterCount => Architecture().ParameterCount;

    /// <summary>Length of a client's update vector: the parameters, and again for SCAFFOLD's control delta.</summary>
    [JsonIgnore]
    public int UpdateLength => Server.UsesControlVariates ? 2 * ParameterCount : ParameterCount;

    /// <summary>Round-0 global parameters, drawn in C# from the plan seed (never torch's generator).</summary>
    public float[] InitialParameters() => Architecture().InitialParameters(DerivedSeed.Random(Seed, "initial-parameters"));

    /// <summary>Throws with the field's name when the plan cannot run.</summary>
    public TrainingPlan Validate()
    {
        if (FormatVersion != CurrentFormatVersion) throw new ArgumentException($"plan formatVersion {FormatVersion} is not supported (expected {CurrentFormatVersion})");
        if (Rounds <= 0) throw new ArgumentException($"plan rounds must be above 0, got {Rounds}");
        var survival = Schema.Task.Kind == TaskKind.Survival;
        if (survival != (Model.Kind == ModelKind.LinearCox)) throw new ArgumentException($"model '{Model.Kind}' does not fit a {Schema.Task.Kind} task");
        Client.Validate();
        Server.Validate();
        Quantisation.Validate();
        Privacy?.Validate(this);
        SecureAggregation?.Validate(Quantisation.MaxMembers);
        Contribution?.Validate(Schema.Task.Kind);
        Chain?.Validate();
        if (Pipeline.PlanCompatibility.Refusal(this) is { } why) throw new ArgumentException($"plan combination cannot run: {why}");
        return this;
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
