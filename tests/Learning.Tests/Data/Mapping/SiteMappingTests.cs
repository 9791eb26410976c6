using FedChain.Learning.Data.Schema;

namespace FedChain.Learning.Tests.Data.Mapping;

/// <summary>A bad mapping is refused before any row is read, naming the mapping file and the field.</summary>
public sealed class SiteMappingTests : IDisposable
{
    private readonly MappingFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("""{ "format": {}, "columns": [ { "column": "cholesterol" } ] }""", "columns[0] 'cholesterol': the schema has no column 'cholesterol'")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "age" }, { "column": "age", "source": "AGE" } ] }""", "columns[1] 'age': the column is mapped twice")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "age", "source": "a", "position": 2 } ] }""", "columns[0] 'age': give a position or names")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "sex", "recode": { "M": "2" } } ] }""", "columns[0] 'sex': recode 'M' -> '2': '2' is not a valid categorical value")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "chol", "unit": "kg" } ] }""", "columns[0] 'chol': cannot convert 'kg' to the schema's 'mg/dL'")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "sex", "unit": "kg" } ] }""", "columns[0] 'sex': a unit is given but schema column 'sex' is not numeric")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "smoker", "unit": "kg" } ] }""", "columns[0] 'smoker': unit 'kg' is given but schema column 'smoker' has no unit")]
    [InlineData("""{ "format": { "header": false }, "columns": [ { "column": "age", "source": "x" } ] }""", "columns[0] 'age': the file has no header and no format.names")]
    [InlineData("""{ "format": { "delimiter": ";;" } }""", "format.delimiter must be one character")]
    [InlineData("""{ "format": { "decimal": "," } }""", "format.decimal and format.delimiter are both ','")]
    [InlineData("""{ "format": { "encoding": "ebcdic" } }""", "format.encoding 'ebcdic' is not one of")]
    [InlineData("""{ "format": { "header": true, "names": ["a"] } }""", "format.names is for files without a header")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "bin", "column": "sex", "from": "x", "edges": [1, 2], "labels": ["0", "1"] } ] }""", "derived[0] (BinnedColumn): 2 edges make 3 bins, but 'labels' has 2")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "bin", "column": "sex", "from": "x", "edges": [1], "labels": ["0", "9"] } ] }""", "derived[0] (BinnedColumn): label '9' is not a code of schema column 'sex'")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "bin", "column": "sex", "from": "x", "edges": [2, 1], "labels": ["0", "1", "1"] } ] }""", "'edges' must be strictly ascending")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "bin", "column": "age", "from": "x", "edges": [1], "labels": ["0", "1"] } ] }""", "derived[0] (BinnedColumn): 'age' must be categorical to be binned into")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "days-between", "column": "time", "start": "a", "end": "b", "dateFormat": "HH:mm" } ] }""", "derived[0] (DaysBetween): 'dateFormat' 'HH:mm' does not name a day, month and year")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "composite-endpoint", "time": "time", "event": "event", "components": [] } ] }""", "derived[0] (CompositeEndpoint): 'components' is empty")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "composite-endpoint", "time": "time", "event": "event", "components": [ { "time": "t", "event": "e" } ], "unit": "lb" } ] }""", "cannot convert 'lb' to the schema's 'days'")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "time" } ], "derived": [ { "kind": "days-between", "column": "time", "start": "a", "end": "b" } ] }""", "columns[0] 'time': the column is also derived")]
    [InlineData("""{ "format": {}, "columns": [ { "column": "age", "absent": true, "source": "a" } ] }""", "columns[0] 'age': an absent column has no source")]
    [InlineData("""{ "format": {}, "colums": [] }""", "colums")]
    [InlineData("""{ "format": {}, "derived": [ { "kind": "average" } ] }""", "average")]
    public void Parse_BadMapping_NamesTheFileAndTheField(string json, string expected)
    {
        var error = Assert.Throws<SchemaException>(() => _fixture.Parse(json));

        Assert.Contains("mapping 'site.mapping.json'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Load_MissingMappingFile_IsRefusedNamingIt()
    {
        var error = Assert.Throws<SchemaException>(() => FedChain.Learning.Data.Mapping.SiteMapping.Load("/nonexistent/site.mapping.json"));

        Assert.Contains("/nonexistent/site.mapping.json", error.Message);
    }

    [Fact]
    public void Parse_ShippedMappings_AreValidForTheirSchemas()
    {
        foreach (var (dataset, mappings) in new[]
        {
            ("heart-disease", new[] { "uci-processed.mapping.json" }),
            ("tcga-brca", ["brca_with_center.mapping.json"]),
            ("breast-cancer-rotterdam-gbsg", ["rotterdam.mapping.json", "gbsg.mapping.json"]),
        })
        {
            var folder = Support.Datasets.Folder(dataset);
            var schema = DatasetSchema.Load(Path.Combine(folder, "schema.json"));
            foreach (var mapping in mappings) FedChain.Learning.Data.Mapping.SiteMapping.Load(Path.Combine(folder, mapping)).CheckAgainst(schema);
        }
    }
}
