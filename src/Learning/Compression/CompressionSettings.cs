using System.Text.Json.Serialization;

namespace FedChain.Learning.Compression;

/// <summary>
/// Lossy compression of each member's fixed-point update (after quantisation, so what a member sends
/// decodes to exact integers that every node sums the same way). A plan without this section sends
/// every coordinate as a 32-bit integer.
/// </summary>
/// <param name="Method">Which compression.</param>
/// <param name="ChunkSize">8/4-bit: coordinates per scale (each chunk's scale is one 32-bit word).</param>
/// <param name="Fraction">Random-k, top-k: k as a share of the update's coordinates (at least 1 coordinate).</param>
/// <param name="ErrorFeedback">Each member adds what compression dropped last time to its next update (Seide et al. 2014; Stich et al. 2018), kept on its own side only.</param>
public sealed record CompressionSettings(
    CompressionMethod Method = CompressionMethod.Int4,
    int ChunkSize = 256,
    double Fraction = 0.125,
    bool ErrorFeedback = true)
{
    /// <summary>True for codes whose commits add up coordinate by coordinate (random-k): what masking needs.</summary>
    [JsonIgnore]
    public bool Additive => Method == CompressionMethod.RandomK;

    /// <summary>Bits per code of the 8/4-bit methods.</summary>
    [JsonIgnore]
    public int CodeBits => Method == CompressionMethod.Int8 ? 8 : 4;

    public CompressionSettings Validate()
    {
        if (ChunkSize is < 1 or > 1 << 20) throw new ArgumentException($"compression chunkSize must be in [1, 1048576], got {ChunkSize}");
        if (!(Fraction > 0 && Fraction <= 1)) throw new ArgumentException($"compression fraction must be in (0, 1], got {Fraction}");
        return this;
    }

    /// <summary>k for an update of <paramref name="length"/> coordinates.</summary>
    public int Kept(int length) => Math.Clamp((int)Math.Ceiling(Fraction * length), 1, length);

    /// <summary>How many 32-bit words a compressed update of <paramref name="length"/> coordinates takes.</summary>
    public int WireLength(int length) => Method switch
    {
        CompressionMethod.Int8 or CompressionMethod.Int4 => Chunks(length) + (int)(((long)length * CodeBits + 31) / 32),
        CompressionMethod.RandomK => Kept(length),
        _ => TopKCodec.IndexWords(Kept(length), length) + Kept(length),
    };

    internal int Chunks(int length) => (length + ChunkSize - 1) / ChunkSize;
}
