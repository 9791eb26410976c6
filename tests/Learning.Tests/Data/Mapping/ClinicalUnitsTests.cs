using FedChain.Learning.Data.Mapping;

namespace FedChain.Learning.Tests.Data.Mapping;

public sealed class ClinicalUnitsTests
{
    [Theory]
    // Factors of the usual SI conversion tables: cholesterol 38.67, triglycerides 88.57, glucose 18.02 mg/dL per mmol/L; creatinine 88.4 umol/L per mg/dL.
    [InlineData("cholesterol", "mmol/L", "mg/dL", 5.0, 193.325)]
    [InlineData("cholesterol", "mg/dL", "mmol/L", 200.0, 5.17264)]
    [InlineData("triglycerides", "mmol/L", "mg/dL", 1.7, 150.523)]
    [InlineData("glucose", "mg/dL", "mmol/L", 100.0, 5.55062)]
    [InlineData("creatinine", "mg/dL", "umol/L", 1.0, 88.4017)]
    [InlineData("creatinine", "µmol/L", "mg/dL", 88.4, 0.999981)]
    [InlineData(null, "degF", "degC", 98.6, 37.0)]
    [InlineData(null, "°C", "°F", 100.0, 212.0)]
    [InlineData(null, "lb", "kg", 154.0, 69.8532)]
    [InlineData(null, "in", "cm", 70.0, 177.8)]
    [InlineData(null, "kPa", "mmHg", 16.0, 120.010)]
    [InlineData(null, "mm Hg", "kPa", 120.0, 15.9987)]
    [InlineData("duration", "years", "days", 2.0, 730.5)]
    public void Conversion_KnownPair_GivesTheTableFactor(string? quantity, string from, string to, double value, double expected)
    {
        var sut = ClinicalUnits.Conversion(quantity, from, to, out var why);

        Assert.Null(why);
        Assert.Equal(expected, sut!.Apply(value), expected * 1e-5);
    }

    [Fact]
    public void Conversion_ConcentrationWithoutQuantity_IsRefusedSayingWhy()
    {
        var sut = ClinicalUnits.Conversion(null, "mmol/L", "mg/dL", out var why);

        Assert.Null(sut);
        Assert.Contains("give the schema column a 'quantity'", why);
        Assert.Contains("cholesterol", why);
    }

    [Fact]
    public void Conversion_UnitOfAnotherQuantity_IsRefused()
    {
        Assert.Null(ClinicalUnits.Conversion("glucose", "kg", "mg/dL", out var why));
        Assert.Contains("glucose has units", why);
        Assert.Null(ClinicalUnits.Conversion("bilirubin", "mg/dL", "umol/L", out why));
        Assert.Contains("'bilirubin' is not in the clinical unit table", why);
    }

    [Theory]
    [InlineData("mg/dl", "mg / dL")]
    [InlineData("μmol/L", "umol/l")]
    [InlineData("°F", "degF")]
    [InlineData("mm Hg", "mmHg")]
    public void Normalise_SpellingsOfOneUnit_AreEqual(string a, string b) => Assert.Equal(ClinicalUnits.Normalise(a), ClinicalUnits.Normalise(b));

    [Fact]
    public void Conversion_RoundTrip_IsTheIdentity()
    {
        var there = ClinicalUnits.Conversion(null, "degF", "degC", out _)!;
        var back = ClinicalUnits.Conversion(null, "degC", "degF", out _)!;

        Assert.Equal(101.3, back.Apply(there.Apply(101.3)), 1e-12);
    }
}
