namespace FedChain.Learning.Compression;

/// <summary>
/// b-bit stochastic quantisation of a fixed-point update with one integer scale per chunk (in the
/// spirit of QSGD, Alistarh et al. 2017): per chunk, s = ceil(max |q| / L) with L = 2^(b-1) - 1,
/// each q/s rounded stochastically (unbiased: E[code * s] = q) to a code in [-L, L]. Decoding is
/// code * s, an exact integer, so every node sums the same values. Words: the chunks' scales, then
/// the codes packed low bits first, b bits each in two's complement.
/// </summary>
public static class StochasticCodes
{
    public static uint[] Encode(CompressionSettings settings, ReadOnlySpan<int> values, int integerBound, Random rounding)
    {
        var bits = settings.CodeBits;
        var level = (1 << (bits - 1)) - 1;
        var chunks = settings.Chunks(values.Length);
        var words = new uint[settings.WireLength(values.Length)];
        for (var c = 0; c < chunks; c++)
        {
            var chunk = values.Slice(c * settings.ChunkSize, Math.Min(settings.ChunkSize, values.Length - c * settings.ChunkSize));
            long max = 0;
            foreach (var v in chunk) max = Math.Max(max, Math.Abs((long)v));
            // Codes times the scale stay within the quantiser's bound, so a sum of maxMembers decoded updates cannot wrap.
            var scale = Math.Clamp((max + level - 1) / level, 1, Math.Max(1, integerBound / level));
            words[c] = (uint)scale;
            for (var i = 0; i < chunk.Length; i++)
            {
                var x = (double)chunk[i] / scale;
                var floor = Math.Floor(x);
                // One draw per coordinate whatever its value, so the random stream never depends on the values.
                var code = (long)floor + (rounding.NextDouble() < x - floor ? 1 : 0);
                Write(words, chunks, c * settings.ChunkSize + i, bits, (int)Math.Clamp(code, -level, level));
            }
        }

        return words;
    }

    /// <summary>The dense fixed-point update; throws <see cref="InvalidDataException"/> on a scale or code no encoder writes.</summary>
    public static int[] Decode(CompressionSettings settings, ReadOnlySpan<uint> words, int length, int integerBound)
    {
        var bits = settings.CodeBits;
        var level = (1 << (bits - 1)) - 1;
        var chunks = settings.Chunks(length);
        var values = new int[length];
        for (var c = 0; c < chunks; c++)
        {
            var scale = words[c];
            if (scale < 1 || scale > Math.Max(1, integerBound / level)) throw new InvalidDataException($"chunk {c} has scale {scale}, outside [1, {Math.Max(1, integerBound / level)}]");
            var end = Math.Min(length, (c + 1) * settings.ChunkSize);
            for (var i = c * settings.ChunkSize; i < end; i++)
            {
                var code = Read(words, chunks, i, bits);
                if (Math.Abs(code) > level) throw new InvalidDataException($"coordinate {i} has code {code}, outside [-{level}, {level}]");
                values[i] = (int)(code * scale);
            }
        }

        return values;
    }

    private static void Write(uint[] words, int offset, int index, int bits, int code)
    {
        var bit = (long)index * bits;
        words[offset + (int)(bit / 32)] |= ((uint)code & ((1u << bits) - 1)) << (int)(bit % 32);
    }

    private static int Read(ReadOnlySpan<uint> words, int offset, int index, int bits)
    {
        var bit = (long)index * bits;
        var raw = (int)((words[offset + (int)(bit / 32)] >> (int)(bit % 32)) & ((1u << bits) - 1));
        return raw >= 1 << (bits - 1) ? raw - (1 << bits) : raw;
    }
}
