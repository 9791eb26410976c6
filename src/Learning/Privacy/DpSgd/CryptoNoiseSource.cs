using System.Security.Cryptography;

namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>The default <see cref="NoiseSource"/>: the operating system's CSPRNG, so no peer can predict the noise.</summary>
public sealed class CryptoNoiseSource : NoiseSource
{
    protected override void FillBytes(Span<byte> destination) => RandomNumberGenerator.Fill(destination);
}
