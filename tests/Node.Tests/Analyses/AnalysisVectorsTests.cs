using System.Security.Cryptography;
using FedChain.Learning.Analysis.Engine;
using FedChain.Learning.Analysis.Plans;
using FedChain.Learning.Analysis.Results;
using FedChain.Node.Analyses;
using FedChain.Node.Datasets;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Analyses;

public sealed class AnalysisVectorsTests
{
    [Fact]
    public void Body_IsLittleEndianUInt64PerSlot_AndReadsBack()
    {
        ulong[] vector = [1, (1UL << 63) + 5];

        var sut = AnalysisVectors.Body(vector);

        Assert.Equal(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0x80 }, sut);
        Assert.Equal(vector, AnalysisVectors.Read(sut, 2));
        Assert.Equal(SHA256.HashData(sut), AnalysisVectors.SumHash(vector));
    }

    [Fact]
    public void Read_ABodyOfAnotherLengthThanTheRounds_IsRefused()
    {
        var e = Assert.Throws<InvalidDataException>(() => AnalysisVectors.Read(new byte[24], 2));

        Assert.Contains("holds 3 slots, the round expects 2", e.Message);
    }

    /// <summary>The node tests read results back from analysis.json; the engine's own results must come back unchanged.</summary>
    [Fact]
    public void NodeResults_ReadAnalysisJsonBackIntoTheEnginesResults()
    {
        var data = DatasetFolder.Find("breast-cancer-rotterdam-gbsg", RepoPaths.Combine("data", "breast-cancer-rotterdam-gbsg"));
        var plan = AnalysisPlan.Load(Path.Combine(data.Path, "analysis-plan.json")).WithSchema(data.Schema) with
        {
            Analyses = [new KaplanMeierSpec("km", By: "hormon"), new LogRankSpec("lr", "hormon"), new CoxSpec("cox", ["age", "size"])],
        };
        var outcome = AnalysisRun.Run(plan.Validate(), [.. data.Sites.Ingest(data.Schema).Select(s => s.Table)], AnalysisRun.SimulatedNoise(plan));

        var sut = NodeResults.Of(AnalysisJson.Serialize(outcome));

        Assert.Equal(AnalysisJson.Serialize(outcome.Results), AnalysisJson.Serialize(sut.Values.ToList()));
    }
}
