using System.Security.Cryptography;

namespace FedChain.Learning.SecureAggregation.Crypto;

/// <summary>
/// Shamir's t-of-n secret sharing (Shamir 1979), byte by byte over GF(256): each byte of the secret
/// is the constant term of its own random polynomial of degree t-1, and a share is the polynomials'
/// values at the holder's x (its slot, 1..255). Any t shares give the secret by Lagrange interpolation
/// at 0; fewer reveal nothing about it.
/// </summary>
internal static class ShamirSecretSharing
{
    /// <summary>One share per x in <paramref name="holders"/>, each as long as the secret.</summary>
    public static Dictionary<int, byte[]> Split(ReadOnlySpan<byte> secret, IReadOnlyCollection<int> holders, int threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, 1);
        if (holders.Count < threshold)
            throw new ArgumentException($"{holders.Count} holders cannot meet a threshold of {threshold}", nameof(holders));
        if (holders.Any(x => x is < 1 or > 255) || holders.Distinct().Count() != holders.Count)
            throw new ArgumentException("holders must be distinct x coordinates in 1..255", nameof(holders));

        // coefficients[d * length + i]: the degree-d coefficient of byte i's polynomial (d >= 1).
        var coefficients = new byte[(threshold - 1) * secret.Length];
        RandomNumberGenerator.Fill(coefficients);
        var shares = new Dictionary<int, byte[]>();
        foreach (var x in holders)
        {
            var share = new byte[secret.Length];
            for (var i = 0; i < secret.Length; i++)
            {
                // Horner's rule from the highest degree down to the constant term.
                byte y = 0;
                for (var degree = threshold - 1; degree >= 1; degree--)
                    y = (byte)(Gf256.Multiply(y, (byte)x) ^ coefficients[(degree - 1) * secret.Length + i]);
                share[i] = (byte)(Gf256.Multiply(y, (byte)x) ^ secret[i]);
            }
            shares[x] = share;
        }
        return shares;
    }

    /// <summary>The secret from exactly the given shares (x to share); pass at least t of them.</summary>
    public static byte[] Combine(IReadOnlyDictionary<int, byte[]> shares)
    {
        if (shares.Count == 0) throw new ArgumentException("no shares to combine", nameof(shares));
        var length = shares.First().Value.Length;
        if (shares.Values.Any(s => s.Length != length)) throw new ArgumentException("shares differ in length", nameof(shares));
        var secret = new byte[length];
        foreach (var (x, share) in shares)
        {
            // The Lagrange basis polynomial of x, evaluated at 0: prod_{m != x} m / (m - x); minus is xor.
            byte basis = 1;
            foreach (var m in shares.Keys)
            {
                if (m != x) basis = Gf256.Multiply(basis, Gf256.Divide((byte)m, (byte)(m ^ x)));
            }
            for (var i = 0; i < length; i++) secret[i] ^= Gf256.Multiply(basis, share[i]);
        }
        return secret;
    }
}
