using FedChain.Learning.Data.Schema;
using FedChain.Learning.Forecasting;

using FedChain.Learning.Tests.Support;

namespace FedChain.Learning.Tests.Forecasting;

public sealed class InfluenzaSchemaTests
{
    [Fact]
    public void SchemaFile_IsTheSchemaOfTheProtocolsForecastRows()
    {
        var expected = ForecastProtocol.Influenza().Features.Schema("influenza-bybw");
        var file = Path.Combine(Datasets.Folder("influenza-bybw"), "schema.json");

        Assert.Equal(expected.Hash, DatasetSchema.Load(file).Hash);
        Assert.Equal(ForecastProtocol.Influenza().Features.Count, expected.FeatureCount);
    }
}
