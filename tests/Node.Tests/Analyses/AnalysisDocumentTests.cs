using System.Text;
using FedChain.Learning.Analysis.Plans;
using FedChain.Node.Datasets;
using FedChain.Node.Analyses;
using FedChain.Node.Demo;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Analyses;

public sealed class AnalysisDocumentTests
{
    private static readonly DatasetFolder Heart = DatasetFolder.Find("heart-disease", RepoPaths.Combine("data", "heart-disease"));

    private static AnalysisPlan Shipped => AnalysisPlan.Load(Path.Combine(Heart.Path, "analysis-plan.json")).WithSchema(Heart.Schema);

    [Fact]
    public void IsAnalysisPlan_TellsAnAnalysisPlanFromATrainingPlanAndFromNoJson()
    {
        Assert.True(AnalysisDocument.IsAnalysisPlan(Shipped.CanonicalBytes()));
        Assert.False(AnalysisDocument.IsAnalysisPlan(DemoPlan.HeartDisease(Heart.Schema, 2, seed: 1).CanonicalBytes()));
        Assert.False(AnalysisDocument.IsAnalysisPlan("not json"u8));
    }

    [Fact]
    public void ParseCanonical_APlanFileNotInCanonicalForm_IsRefusedNamingTheFile()
    {
        var indented = Encoding.UTF8.GetBytes(Learning.Json.CanonicalJson.ToIndentedString(Shipped));

        var e = Assert.Throws<InvalidDataException>(() => AnalysisDocument.ParseCanonical(indented, "offered.json"));

        Assert.Contains("offered.json is not in canonical form", e.Message);
        Assert.Equal(Shipped.Hash, AnalysisDocument.ParseCanonical(Shipped.CanonicalBytes(), "plan.json").Hash);
    }

    [Fact]
    public void Parse_APlanWithoutItsSchema_IsRefused_ANodeNeedsItEmbedded()
    {
        var bytes = File.ReadAllBytes(Path.Combine(Heart.Path, "analysis-plan.json"));

        var e = Assert.Throws<AnalysisPlanException>(() => AnalysisDocument.Parse(bytes, "blob 1234"));

        Assert.Contains("has no schema", e.Message);
    }
}
