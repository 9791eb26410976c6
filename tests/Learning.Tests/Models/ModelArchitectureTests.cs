using FedChain.Learning.Models;
using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Models;

public sealed class ModelArchitectureTests
{
    [Fact]
    public void LinearScore_IsWeightsDotRowPlusBias()
    {
        var sut = new LinearModel(3);
        float[] parameters = [0.5f, -1f, 2f, 0.25f];

        var scores = sut.Score(tensor(parameters), tensor(new float[] { 1, 2, 3, -1, 0, 1 }, [2, 3])).data<float>().ToArray();

        Assert.Equal([0.5f - 2 + 6 + 0.25f, -0.5f + 2 + 0.25f], scores);
    }

    [Fact]
    public void Mlp_ParameterCountMatchesLayers()
    {
        var sut = new MlpModel(13, [16, 8]);

        Assert.Equal((13 + 1) * 16 + (16 + 1) * 8 + (8 + 1) * 1, sut.ParameterCount);
        Assert.Equal([5L], sut.Score(tensor(sut.InitialParameters(new Random(1))), zeros(5, 13)).shape);
    }

    [Fact]
    public void InitialParameters_SameSeed_SameBitsAndWithinTorchBound()
    {
        var sut = new LinearModel(16);

        var a = sut.InitialParameters(new Random(5));
        var b = sut.InitialParameters(new Random(5));

        Assert.Equal(a, b);
        Assert.All(a, p => Assert.InRange(p, -0.25f, 0.25f));
        Assert.NotEqual(a, sut.InitialParameters(new Random(6)));
    }

    [Fact]
    public void ModelHash_IsSha256OfLittleEndianFloats()
    {
        float[] parameters = [1f, -2.5f];
        var bytes = BitConverter.GetBytes(1f).Concat(BitConverter.GetBytes(-2.5f)).ToArray();

        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), ModelHash.Of(parameters));
    }
}
