using System.Security.Cryptography;
using FedChain.Learning.SecureAggregation;

namespace FedChain.Learning.Tests.SecureAggregation;

/// <summary>Parameters and inputs shared by the secure-aggregation tests.</summary>
internal static class SecAggTestRounds
{
    public static SecAggParameters Parameters(int members, int threshold, int length, int? neighbours = null) => new()
    {
        RoundId = SHA256.HashData("fedchain test round"u8),
        MemberCount = members,
        Threshold = threshold,
        VectorLength = length,
        Neighbours = neighbours,
    };

    public static Dictionary<int, uint[]> Inputs(IEnumerable<int> slots, int length, int seed)
    {
        var random = new Random(seed);
        return slots.ToDictionary(slot => slot, _ => Enumerable.Range(0, length).Select(_ => (uint)random.NextInt64(0, 1L << 32)).ToArray());
    }

    public static uint[] PlainSum(IEnumerable<uint[]> inputs, int length)
    {
        var sum = new uint[length];
        foreach (var input in inputs)
            for (var i = 0; i < length; i++) sum[i] += input[i];
        return sum;
    }
}
