using FedChain.Learning.Randomness;

namespace FedChain.Learning.Compression;

/// <summary>
/// Random-k sparsification from a shared seed: in round r every member sends the same k coordinates,
/// drawn from (plan seed, r), and nothing else. The k values of different members add up coordinate by
/// coordinate, so their sum (masked and unmasked under secure aggregation too) expands to the sum of the
/// expanded updates: k words on the wire instead of the whole update.
/// </summary>
public static class RandomKCodec
{
    /// <summary>The round's k coordinates, ascending: a seeded partial Fisher-Yates shuffle, the same on every machine.</summary>
    public static int[] Coordinates(int length, int kept, long planSeed, int round)
    {
        var random = DerivedSeed.Random(planSeed, "random-k", round);
        var order = Enumerable.Range(0, length).ToArray();
        for (var i = 0; i < kept; i++)
        {
            var j = i + random.Next(length - i);
            (order[i], order[j]) = (order[j], order[i]);
        }

        var picked = order[..kept];
        Array.Sort(picked);
        return picked;
    }

    public static uint[] Encode(ReadOnlySpan<int> values, int[] coordinates)
    {
        var words = new uint[coordinates.Length];
        for (var i = 0; i < words.Length; i++) words[i] = unchecked((uint)values[coordinates[i]]);
        return words;
    }

    /// <summary>The dense update (or sum) with the k values in their coordinates and zeros elsewhere.</summary>
    public static uint[] Expand(ReadOnlySpan<uint> words, int length, int[] coordinates)
    {
        if (words.Length != coordinates.Length) throw new InvalidDataException($"random-k body holds {words.Length} values, the round sends {coordinates.Length}");
        var dense = new uint[length];
        for (var i = 0; i < coordinates.Length; i++) dense[coordinates[i]] = words[i];
        return dense;
    }
}
