using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Data.Splits;
using FedChain.Learning.Data.Statistics;
using FedChain.Learning.Models;
using FedChain.Learning.Plans;
using FedChain.Learning.Simulation;
using FedChain.Node.Datasets;
using FedChain.Node.Demo;
using FedChain.Node.Models;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Xunit.Abstractions;

namespace FedChain.Node.Tests.Models;

/// <summary>
/// The exported ONNX file is the released model: ONNX Runtime, fed the rows as the schema's ingestion
/// encodes them, gives the predictions `fedchain model predict` gives, to 1e-5.
/// </summary>
public sealed class OnnxAgreementTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(ModelKind.LogisticRegression)]
    [InlineData(ModelKind.Mlp)]
    public void OnnxRuntime_ScoresNewRowsAsModelPredictDoes(ModelKind kind)
    {
        using var dir = new TempDirectory();
        var (package, plan) = Trained(kind);
        package.Write(dir.File("model"), plan, new EvaluationReport("1", plan.Hash, package.ModelHash, [], null));
        var csv = dir.File("new.csv");
        File.WriteAllLines(csv, File.ReadLines(HeartConsortium.Sites[1].File).Take(60).Select(l => l[..l.LastIndexOf(',')] + ",?"));

        var (read, schema) = ModelPackage.Read(dir.File("model"));
        var mapping = HeartConsortium.Sites[1].Mapping;
        var predicted = ModelPredictor.Predict(read, schema, csv, mapping);
        var features = CsvIngestion.Load(ModelPredictor.ForScoring(schema), new SiteSource("new", csv, Mapping: mapping)).Data;
        using var session = new InferenceSession(dir.File("model/model.onnx"));
        var input = new DenseTensor<float>(features.Features, [features.Count, features.FeatureCount]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(OnnxExport.Input, input)]);
        var probability = results.Single(r => r.Name == OnnxExport.Probability).AsEnumerable<float>().ToArray();
        var score = results.Single(r => r.Name == OnnxExport.Score).AsEnumerable<float>().ToArray();

        var scored = predicted.Rows.Where(r => r.Problem is null).ToList();
        Assert.True(scored.Count > 40, $"only {scored.Count} rows scored");
        Assert.Equal(scored.Count, probability.Length);
        var worst = scored.Select((r, i) => Math.Max(Math.Abs(r.Probability!.Value - probability[i]), Math.Abs(r.Score!.Value - score[i]))).Max();
        output.WriteLine($"{kind}: {scored.Count} rows, largest |fedchain - ONNX Runtime| = {worst:E2} (score and probability)");
        Assert.True(worst < 1e-5, $"ONNX Runtime differs from model predict by {worst:E3}");
        Assert.Contains(predicted.Rows, r => r.Problem is not null && r.Problem.StartsWith("dropped", StringComparison.Ordinal));
    }

    [Fact]
    public void Read_AlteredParameters_IsRefusedAsNotTheModel()
    {
        using var dir = new TempDirectory();
        var (package, plan) = Trained(ModelKind.LogisticRegression);
        (package with { Parameters = [.. package.Parameters.Select(p => p + 1e-3f)] }).Write(dir.File("model"), plan, new EvaluationReport("1", plan.Hash, package.ModelHash, [], null));

        var error = Assert.Throws<InvalidDataException>(() => ModelPackage.Read(dir.File("model")));

        Assert.Contains("do not hash to the model hash", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Two simulated rounds of the demo plan (or an MLP) on the four hospitals, packaged as `model fetch` packages a release.</summary>
    private static (ModelPackage Package, TrainingPlan Plan) Trained(ModelKind kind)
    {
        var data = DatasetFolder.Find("heart-disease", HeartConsortium.Folder);
        var plan = DemoPlan.HeartDisease(data.Schema, rounds: 2, seed: 7);
        if (kind == ModelKind.Mlp) plan = (plan with { Model = new ModelSpec(ModelKind.Mlp, [8]), Contribution = null }).Validate();
        var splits = data.Sites.Ingest(plan.Schema).Select(s => TrainTestSplit.Apply(plan.Schema, s.Data)).ToList();
        var pooled = FeatureMoments.Combine([.. splits.OrderBy(s => s.Train.Site, StringComparer.Ordinal).Select(s => FeatureMoments.Of(s.Train))]);
        var sites = FederatedPreprocessing.Normalise(plan.Normalisation, splits).Select(s => new SimulatedSite(s)).ToList();
        var result = FederatedSimulation.Run(plan with { Contribution = null }, sites, new SimulationOptions(EvaluateEveryRound: false));
        var package = new ModelPackage(ModelPackage.CurrentFormatVersion, "1", plan.Hash, plan.Schema.Hash, result.FinalModelHash, new string('0', 64), "binary",
            plan.Model, plan.Schema.FeatureCount, plan.Schema.FeatureNames, plan.Normalisation, pooled.ToStandardiser(), result.FinalParameters, [], "simulation");
        return (package, plan);
    }
}
