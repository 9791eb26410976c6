namespace FedChain.Learning.Privacy.DpSgd;

/// <summary>
/// The randomness DP-SGD's guarantee rests on: which records a step samples and the Gaussian noise
/// it adds. Peers must not be able to predict either, so nodes use <see cref="CryptoNoiseSource"/>;
/// <see cref="SeededNoiseSource"/> exists for tests and simulations (docs/ARCHITECTURE.md, "Determinism").
/// </summary>
public abstract class NoiseSource
{
    private const double TwoPi = 2 * Math.PI;
    // Uniforms come from a buffer refilled 4 KiB at a time: one generator call per 512 draws.
    private readonly byte[] _uniforms = new byte[4096];
    private int _nextUniform = 4096;

    /// <summary>Fills <paramref name="destination"/> with uniformly random bytes.</summary>
    protected abstract void FillBytes(Span<byte> destination);

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextUniform()
    {
        if (_nextUniform + 8 > _uniforms.Length)
        {
            FillBytes(_uniforms);
            _nextUniform = 0;
        }
        var word = BitConverter.ToUInt64(_uniforms, _nextUniform);
        _nextUniform += 8;
        return (word >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>Fills <paramref name="destination"/> with independent N(0, <paramref name="standardDeviation"/>^2) draws.</summary>
    public void FillGaussian(Span<float> destination, double standardDeviation)
    {
        // Box-Muller in double precision, two normals per pair of uniforms (Box and Muller 1958).
        // The uniforms are drawn in bulk: one call to the generator per 512 normals.
        Span<byte> bytes = stackalloc byte[4096];
        var words = System.Runtime.InteropServices.MemoryMarshal.Cast<byte, ulong>(bytes);
        var next = words.Length;
        for (var i = 0; i < destination.Length; i += 2)
        {
            if (next + 2 > words.Length)
            {
                FillBytes(bytes);
                next = 0;
            }
            // 1 - u keeps the logarithm's argument in (0, 1].
            var u1 = 1 - (words[next++] >> 11) * (1.0 / (1UL << 53));
            var u2 = (words[next++] >> 11) * (1.0 / (1UL << 53));
            var radius = standardDeviation * Math.Sqrt(-2 * Math.Log(u1));
            destination[i] = (float)(radius * Math.Cos(TwoPi * u2));
            if (i + 1 < destination.Length) destination[i + 1] = (float)(radius * Math.Sin(TwoPi * u2));
        }
    }
}
