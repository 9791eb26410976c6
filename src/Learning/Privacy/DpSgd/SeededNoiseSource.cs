namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// A reproducible <see cref="NoiseSource"/> for tests and simulations only: anyone who knows the seed
/// can subtract the noise, so a real node never uses it.
/// </summary>
public sealed class SeededNoiseSource(int seed) : NoiseSource
{
    private readonly Random _random = new(seed);

    protected override void FillBytes(Span<byte> destination) => _random.NextBytes(destination);
}
