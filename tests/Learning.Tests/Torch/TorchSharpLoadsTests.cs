using static TorchSharp.torch;

namespace FedChain.Learning.Tests.Torch;

/// <summary>libtorch loads on this machine (through the GLIBCXX weak-version build step) and trains.</summary>
public sealed class TorchSharpLoadsTests
{
    [Fact]
    public void TinyLinearModel_TrainedWithSgd_LossFalls()
    {
        random.manual_seed(7);
        var x = randn(256, 3);
        var trueW = tensor(new float[] { 1.5f, -2f, 0.5f }).reshape(3, 1);
        var y = x.matmul(trueW) + 0.1f * randn(256, 1);

        using var model = nn.Linear(3, 1);
        using var optimizer = optim.SGD(model.parameters(), learningRate: 0.1);
        float Loss() => nn.functional.mse_loss(model.forward(x), y).item<float>();

        var initial = Loss();
        for (var step = 0; step < 100; step++)
        {
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(model.forward(x), y);
            loss.backward();
            optimizer.step();
        }

        var final = Loss();
        Assert.True(final < initial * 0.05f, $"loss went from {initial} to {final}");
        Assert.True(final < 0.05f, $"final loss {final} should approach the noise floor 0.01");
    }
}
