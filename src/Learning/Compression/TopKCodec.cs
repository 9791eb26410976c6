namespace FedChain.Learning.Compression;

/// <summary>
/// Top-k sparsification (Aji and Heafield 2017): each member sends its k coordinates of largest
/// magnitude (ties: the lower index) with their indices. Members' index sets differ, so their commits do
/// not add up under masking. Words: the indices ascending, two 16-bit indices per word when the update
/// has at most 65536 coordinates (else one per word), then the k values.
/// </summary>
public static class TopKCodec
{
    public static int IndexWords(int kept, int length) => length <= 1 << 16 ? (kept + 1) / 2 : kept;

    public static uint[] Encode(ReadOnlySpan<int> values, int kept)
    {
        var magnitudes = new long[values.Length];
        for (var i = 0; i < values.Length; i++) magnitudes[i] = Math.Abs((long)values[i]);
        var order = Enumerable.Range(0, values.Length).ToArray();
        Array.Sort(order, (a, b) => magnitudes[a] != magnitudes[b] ? magnitudes[b].CompareTo(magnitudes[a]) : a.CompareTo(b));
        var picked = order[..kept];
        Array.Sort(picked);

        var indexWords = IndexWords(kept, values.Length);
        var words = new uint[indexWords + kept];
        var packed = values.Length <= 1 << 16;
        for (var i = 0; i < kept; i++)
        {
            if (packed) words[i / 2] |= (uint)picked[i] << (16 * (i % 2));
            else words[i] = (uint)picked[i];
            words[indexWords + i] = unchecked((uint)values[picked[i]]);
        }

        return words;
    }

    /// <summary>The dense update; throws <see cref="InvalidDataException"/> when the indices are not strictly ascending within the update.</summary>
    public static uint[] Expand(ReadOnlySpan<uint> words, int length, int kept)
    {
        var indexWords = IndexWords(kept, length);
        if (words.Length != indexWords + kept) throw new InvalidDataException($"top-k body holds {words.Length} words, expected {indexWords + kept}");
        var packed = length <= 1 << 16;
        var dense = new uint[length];
        var previous = -1;
        for (var i = 0; i < kept; i++)
        {
            var index = packed ? (int)((words[i / 2] >> (16 * (i % 2))) & 0xFFFF) : (int)words[i];
            if (index <= previous || index >= length) throw new InvalidDataException($"top-k index {i} is {index}: indices must ascend strictly below {length}");
            dense[index] = words[indexWords + i];
            previous = index;
        }

        return dense;
    }
}
