using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FedChain.Learning.Randomness;

/// <summary>
/// Seeds derived from the plan seed, never shared mutable generators (docs/ARCHITECTURE.md,
/// "Determinism"): every (purpose, round, site) gets its own stream, identical on every node.
/// </summary>
public static class DerivedSeed
{
    /// <summary>A non-negative 31-bit seed: the first bytes of SHA-256("fedchain-seed|purpose|seed|round|site").</summary>
    public static int Of(long seed, string purpose, int round = 0, string site = "")
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"fedchain-seed|{purpose}|{seed}|{round}|{site}");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return BinaryPrimitives.ReadInt32LittleEndian(hash) & int.MaxValue;
    }

    /// <summary>A <see cref="Random"/> seeded with <see cref="Of"/>.</summary>
    public static Random Random(long seed, string purpose, int round = 0, string site = "") => new(Of(seed, purpose, round, site));
}
