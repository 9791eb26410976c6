using FedChain.Learning.Data.Schema;
using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Data.Schema;

public sealed class DatasetSchemaTests
{
    [Fact]
    public void Load_HeartSchema_Gives13FeaturesAsFlamby()
    {
        var sut = Datasets.HeartSchema;

        Assert.Equal(13, sut.FeatureCount);
        Assert.Contains("cp=4", sut.FeatureNames);
        Assert.DoesNotContain("cp=1", sut.FeatureNames);
        Assert.DoesNotContain("slope", sut.FeatureNames);
    }

    [Fact]
    public void Load_TcgaSchema_Gives39FeaturesAndSurvivalTask()
    {
        var sut = Datasets.TcgaSchema;

        Assert.Equal(39, sut.FeatureCount);
        Assert.Equal(TaskKind.Survival, sut.Task.Kind);
        Assert.Equal(SplitKind.Column, sut.Split.Kind);
    }

    [Fact]
    public void Parse_LabelColumnNotListed_NamesTheField()
    {
        const string json = """
            { "name": "x", "version": 1,
              "columns": [ { "name": "a" } ], "task": { "kind": "binary", "label": "y" },
              "split": { "kind": "random" }, "rows": {} }
            """;

        var error = Assert.Throws<SchemaException>(() => DatasetSchema.Parse(json, "test.json"));

        Assert.Contains("test.json", error.Message);
        Assert.Contains("task.label", error.Message);
    }

    [Fact]
    public void Parse_UnknownField_IsRefused()
    {
        var json = File.ReadAllText(Path.Combine(Datasets.Folder("heart-disease"), "schema.json")).Replace("\"version\": 1", "\"version\": 1, \"colums\": []");

        var error = Assert.Throws<SchemaException>(() => DatasetSchema.Parse(json, "typo.json"));

        Assert.Contains("colums", error.Message);
    }

    [Fact]
    public void Hash_SameDocumentParsedTwice_IsEqualAndChangesWithContent()
    {
        var path = Path.Combine(Datasets.Folder("heart-disease"), "schema.json");
        var a = DatasetSchema.Load(path);
        var b = DatasetSchema.Load(path);

        Assert.Equal(a.Hash, b.Hash);
        Assert.NotEqual(a.Hash, (a with { Version = 2 }).Hash);
    }
}
