using System.Buffers.Binary;
using System.Security.Cryptography;

namespace FedChain.Learning.SecureAggregation;

/// <summary>
/// Who masks with whom and who holds whose shares. Complete for Bonawitz et al. 2017; for SecAgg+
/// (Bell et al. 2020) a k-regular Harary graph whose vertices are the slots in a pseudorandom
/// order drawn from the round id, so every member computes the same graph and no member chooses it.
/// </summary>
public sealed class MaskingGraph
{
    private readonly HashSet<int>[] _neighbours;

    public MaskingGraph(SecAggParameters parameters)
    {
        parameters.Validate();
        var n = parameters.MemberCount;
        _neighbours = [.. Enumerable.Range(0, n + 1).Select(_ => new HashSet<int>())];
        if (parameters.ShareHolders == n)
        {
            for (var u = 1; u <= n; u++)
                for (var v = 1; v <= n; v++)
                    if (u != v) _neighbours[u].Add(v);
            return;
        }
        // Harary graph H(k, n): position i joins positions i +- 1..k/2 around a ring.
        var order = PseudorandomOrder(parameters.RoundId, n);
        var half = parameters.Neighbours!.Value / 2;
        for (var i = 0; i < n; i++)
        {
            for (var step = 1; step <= half; step++)
            {
                var (u, v) = (order[i], order[(i + step) % n]);
                _neighbours[u].Add(v);
                _neighbours[v].Add(u);
            }
        }
    }

    /// <summary>The slots that <paramref name="slot"/> masks with and shares to (never itself).</summary>
    public IReadOnlySet<int> NeighboursOf(int slot) => _neighbours[slot];

    // Slots sorted by SHA-256(round id, slot): a permutation anyone can recompute.
    private static int[] PseudorandomOrder(byte[] roundId, int n)
    {
        var input = new byte[roundId.Length + 2];
        roundId.CopyTo(input, 0);
        return [.. Enumerable.Range(1, n).OrderBy(slot =>
        {
            BinaryPrimitives.WriteUInt16BigEndian(input.AsSpan(roundId.Length), (ushort)slot);
            return Convert.ToHexString(SHA256.HashData(input));
        }, StringComparer.Ordinal)];
    }
}
