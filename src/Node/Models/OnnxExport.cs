using Google.Protobuf;
using Onnx;

namespace FedChain.Node.Models;

/// <summary>
/// The released model as an ONNX graph (opset 13), built with the ONNX protobuf schema (OnnxSharp's
/// generated classes over Google.Protobuf): input "features" [rows, d] as ingestion encodes them,
/// the federated standardiser as Sub and Div, each Linear layer as Gemm (transB = 1, so the weights
/// keep the [out, in] layout of the flat parameter vector), ReLU between hidden layers, and outputs
/// "score" [rows] (logit or Cox log-risk) and, for a binary task, "probability" = Sigmoid(score).
/// </summary>
public static class OnnxExport
{
    public const string Input = "features";
    public const string Score = "score";
    public const string Probability = "probability";

    private const int FloatType = (int)TensorProto.Types.DataType.Float;
    private const int Int64Type = (int)TensorProto.Types.DataType.Int64;

    public static void Write(ModelPackage package, string path)
    {
        using var file = File.Create(path);
        Build(package).WriteTo(file);
    }

    public static ModelProto Build(ModelPackage package)
    {
        var d = package.InputCount;
        var graph = new GraphProto { Name = $"fedchain-plan-{package.PlanId}", DocString = $"FedChain plan {package.PlanHash}, model {package.ModelHash}" };
        graph.Input.Add(Tensor(Input, FloatType, "rows", d));
        var h = Input;
        if (package.Standardiser is { } s)
        {
            graph.Initializer.Add(Floats("mean", [1, d], s.Mean));
            // (x - mean) / (std + 1e-9), as Standardiser.Apply; the sum is rounded to float32 here.
            graph.Initializer.Add(Floats("scale", [1, d], [.. s.Std.Select(v => (float)(v + 1e-9))]));
            graph.Node.Add(Node("Sub", [h, "mean"], "centred"));
            graph.Node.Add(Node("Div", ["centred", "scale"], "standardised"));
            h = "standardised";
        }

        var widths = new List<int> { d };
        if (package.Model.Hidden is { Count: > 0 } hidden && package.Model.Kind == Learning.Models.ModelKind.Mlp) widths.AddRange(hidden);
        widths.Add(1);
        var offset = 0;
        for (var l = 0; l < widths.Count - 1; l++)
        {
            var (inputs, outputs) = (widths[l], widths[l + 1]);
            graph.Initializer.Add(Floats($"w{l}", [outputs, inputs], package.Parameters.AsSpan(offset, inputs * outputs).ToArray()));
            graph.Initializer.Add(Floats($"b{l}", [outputs], package.Parameters.AsSpan(offset + inputs * outputs, outputs).ToArray()));
            offset += (inputs + 1) * outputs;
            var gemm = Node("Gemm", [h, $"w{l}", $"b{l}"], $"linear{l}");
            gemm.Attribute.Add(new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 });
            graph.Node.Add(gemm);
            h = $"linear{l}";
            if (l < widths.Count - 2)
            {
                graph.Node.Add(Node("Relu", [h], $"relu{l}"));
                h = $"relu{l}";
            }
        }

        if (offset != package.Parameters.Length) throw new InvalidDataException($"the architecture uses {offset} parameters, the package holds {package.Parameters.Length}");
        graph.Initializer.Add(new TensorProto { Name = "squeeze_axes", DataType = Int64Type, Dims = { 1 }, Int64Data = { 1 } });
        graph.Node.Add(Node("Squeeze", [h, "squeeze_axes"], Score));
        graph.Output.Add(Tensor(Score, FloatType, "rows"));
        if (package.Task == "binary")
        {
            graph.Node.Add(Node("Sigmoid", [Score], Probability));
            graph.Output.Add(Tensor(Probability, FloatType, "rows"));
        }

        var model = new ModelProto
        {
            IrVersion = 7,
            ProducerName = "fedchain",
            ProducerVersion = "1",
            Domain = "org.fedchain",
            ModelVersion = 1,
            DocString = $"Released by the consortium's governance: plan {package.PlanId} ({package.PlanHash}), evaluation report {package.EvaluationReportHash}",
            Graph = graph,
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = 13 });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "fedchain.model_hash", Value = package.ModelHash });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "fedchain.plan_hash", Value = package.PlanHash });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "fedchain.schema_hash", Value = package.SchemaHash });
        model.MetadataProps.Add(new StringStringEntryProto { Key = "fedchain.features", Value = string.Join(",", package.FeatureNames) });
        return model;
    }

    private static NodeProto Node(string op, string[] inputs, string output)
    {
        var node = new NodeProto { OpType = op, Name = output };
        node.Input.Add(inputs);
        node.Output.Add(output);
        return node;
    }

    private static TensorProto Floats(string name, long[] dims, float[] values)
    {
        var tensor = new TensorProto { Name = name, DataType = FloatType };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(values);
        return tensor;
    }

    /// <summary>A tensor value of element type <paramref name="type"/> whose first dimension is named <paramref name="rows"/>.</summary>
    private static ValueInfoProto Tensor(string name, int type, string rows, params int[] more)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = rows });
        foreach (var size in more) shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = size });
        return new ValueInfoProto { Name = name, Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = type, Shape = shape } } };
    }
}
