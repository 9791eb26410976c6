using System.Buffers.Binary;
using System.Text;

namespace FedChain.Build.ElfVersionPatch;

/// <summary>
/// The few parts of a little-endian ELF64 file this tool needs: section headers and string
/// lookups. Layouts follow the System V gABI ("Sections", "Symbol Table", "Relocation").
/// </summary>
public sealed class ElfImage
{
    public const uint ShtRela = 4;
    public const uint ShtDynsym = 11;
    public const uint ShtGnuVerdef = 0x6ffffffd;
    public const uint ShtGnuVerneed = 0x6ffffffe;
    public const uint ShtGnuVersym = 0x6fffffff;

    public ElfImage(byte[] bytes)
    {
        Bytes = bytes;
        if (bytes.Length < 64 || bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
            throw new InvalidDataException("not an ELF file");
        if (bytes[4] != 2 || bytes[5] != 1)
            throw new InvalidDataException("only little-endian ELF64 is supported");

        var shoff = (long)U64(0x28);
        int shentsize = U16(0x3A), shnum = U16(0x3C);
        var sections = new Section[shnum];
        for (var i = 0; i < shnum; i++)
        {
            var at = (int)(shoff + (i * shentsize));
            sections[i] = new Section(i, U32(at + 4), (long)U64(at + 24), (long)U64(at + 32), (int)U32(at + 40), (long)U64(at + 56));
        }

        Sections = sections;
    }

    public byte[] Bytes { get; }

    public IReadOnlyList<Section> Sections { get; }

    public Section? First(uint type) => Sections.FirstOrDefault(s => s.Type == type);

    public ushort U16(long at) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan((int)at));

    public uint U32(long at) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan((int)at));

    public ulong U64(long at) => BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan((int)at));

    /// <summary>The NUL-terminated string at <paramref name="index"/> of string table section <paramref name="strtab"/>.</summary>
    public string String(int strtab, uint index)
    {
        var start = (int)(Sections[strtab].Offset + index);
        var end = Array.IndexOf(Bytes, (byte)0, start);
        return Encoding.ASCII.GetString(Bytes, start, end - start);
    }

    public sealed record Section(int Index, uint Type, long Offset, long Size, int Link, long EntrySize);
}
