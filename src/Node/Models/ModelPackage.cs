using System.Text.Json;
using FedChain.Learning.Data.Schema;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Json;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;

namespace FedChain.Node.Models;

/// <summary>
/// A released model as a product (model.json in a package folder, beside plan.json, schema.json,
/// evaluation.json and model.onnx): the parameters and the architecture they fill, the federated
/// standardiser, the schema and plan it was trained under, the release it was checked against, and
/// each member's own evaluation of it.
/// </summary>
/// <param name="Task">binary (score = logit, probability = sigmoid) or survival (score = Cox log-risk).</param>
/// <param name="Standardiser">The consortium's pooled mean and std per input, applied as (x - mean) / (std + 1e-9); null when the plan does not scale features.</param>
/// <param name="Source">Where the parameters came from: "node state" (checked) or "recomputed from the committed blobs".</param>
public sealed record ModelPackage(
    int FormatVersion,
    string PlanId,
    string PlanHash,
    string SchemaHash,
    string ModelHash,
    string EvaluationReportHash,
    string Task,
    ModelSpec Model,
    int InputCount,
    IReadOnlyList<string> FeatureNames,
    Normalisation Normalisation,
    Standardiser? Standardiser,
    float[] Parameters,
    IReadOnlyList<EvaluatedSite> Sites,
    string Source)
{
    public const int CurrentFormatVersion = 1;
    public const string ModelFile = "model.json";
    public const string PlanFile = "plan.json";
    public const string SchemaFile = "schema.json";
    public const string EvaluationFile = "evaluation.json";
    public const string OnnxFile = "model.onnx";

    public ModelArchitecture Architecture() => ModelArchitecture.Create(Model, InputCount);

    /// <summary>Writes the package folder; the ONNX file is built from the same parameters.</summary>
    public void Write(string folder, TrainingPlan plan, EvaluationReport report)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ModelFile), CanonicalJson.ToIndentedString(this));
        File.WriteAllBytes(Path.Combine(folder, PlanFile), plan.CanonicalBytes());
        File.WriteAllBytes(Path.Combine(folder, SchemaFile), CanonicalJson.ToBytes(plan.Schema));
        File.WriteAllBytes(Path.Combine(folder, EvaluationFile), report.CanonicalBytes());
        OnnxExport.Write(this, Path.Combine(folder, OnnxFile));
    }

    /// <summary>Reads a package folder and checks it is whole: the parameters hash to the model hash, the schema to the schema hash.</summary>
    public static (ModelPackage Package, DatasetSchema Schema) Read(string folder)
    {
        var file = Path.Combine(folder, ModelFile);
        if (!File.Exists(file)) throw new FileNotFoundException($"{folder} is not a model package: it has no {ModelFile} (`fedchain model fetch` writes one)", file);
        ModelPackage package;
        try
        {
            package = JsonSerializer.Deserialize<ModelPackage>(File.ReadAllText(file), CanonicalJson.Options) ?? throw new InvalidDataException($"{file} is empty");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file}: {e.Message}", e);
        }

        if (package.FormatVersion != CurrentFormatVersion) throw new InvalidDataException($"{file}: formatVersion {package.FormatVersion} is not supported (expected {CurrentFormatVersion})");
        if (Learning.Models.ModelHash.Of(package.Parameters) != package.ModelHash) throw new InvalidDataException($"{file}: the parameters do not hash to the model hash {package.ModelHash[..12]}: the package was altered");
        var schema = DatasetSchema.Load(Path.Combine(folder, SchemaFile));
        if (schema.Hash != package.SchemaHash) throw new InvalidDataException($"{Path.Combine(folder, SchemaFile)} is not the schema the model was trained under ({package.SchemaHash[..12]})");
        return (package, schema);
    }
}
