namespace FedChain.Build.ElfVersionPatch;

/// <summary>One version a library needs from another (an <c>Elf64_Vernaux</c> entry).</summary>
/// <param name="File">The needed library, e.g. <c>libstdc++.so.6</c>.</param>
/// <param name="Name">The version, e.g. <c>GLIBCXX_3.4.32</c>.</param>
/// <param name="Index">The version index symbols refer to through <c>.gnu.version</c>.</param>
/// <param name="FlagsOffset">File offset of <c>vna_flags</c>.</param>
public sealed record VersionNeed(string File, string Name, ushort Index, ushort Flags, long FlagsOffset)
{
    /// <summary>VER_FLG_WEAK: a missing version is not fatal at load time.</summary>
    public const ushort WeakFlag = 0x2;

    public bool IsWeak => (Flags & WeakFlag) != 0;
}

/// <summary>Reads the GNU symbol-versioning sections (LSB Core, "Symbol Versioning").</summary>
public static class VersionTables
{
    /// <summary>Every <c>Elf64_Vernaux</c> entry of <c>.gnu.version_r</c>.</summary>
    public static IReadOnlyList<VersionNeed> Needs(ElfImage elf)
    {
        var needs = new List<VersionNeed>();
        var sec = elf.First(ElfImage.ShtGnuVerneed);
        if (sec is null) return needs;

        var at = sec.Offset;
        while (true)
        {
            // Elf64_Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32
            var count = elf.U16(at + 2);
            var file = elf.String(sec.Link, elf.U32(at + 4));
            var aux = at + elf.U32(at + 8);
            for (var i = 0; i < count; i++)
            {
                // Elf64_Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32
                var name = elf.String(sec.Link, elf.U32(aux + 8));
                needs.Add(new VersionNeed(file, name, elf.U16(aux + 6), elf.U16(aux + 4), aux + 4));
                aux += elf.U32(aux + 12);
            }

            var next = elf.U32(at + 12);
            if (next == 0) break;
            at += next;
        }

        return needs;
    }

    /// <summary>Every version name a library defines in <c>.gnu.version_d</c>.</summary>
    public static IReadOnlySet<string> Definitions(ElfImage elf)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var sec = elf.First(ElfImage.ShtGnuVerdef);
        if (sec is null) return names;

        var at = sec.Offset;
        while (true)
        {
            // Elf64_Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32
            var aux = at + elf.U32(at + 12);
            names.Add(elf.String(sec.Link, elf.U32(aux))); // first Elf64_Verdaux names the version itself
            var next = elf.U32(at + 16);
            if (next == 0) break;
            at += next;
        }

        return names;
    }

    /// <summary>
    /// Names of the dynamic symbols bound to version <paramref name="index"/> that some dynamic
    /// relocation refers to. An empty result means the version can be weakened safely.
    /// </summary>
    public static IReadOnlyList<string> RelocatedSymbols(ElfImage elf, ushort index)
    {
        var dynsym = elf.First(ElfImage.ShtDynsym) ?? throw new InvalidDataException("no .dynsym section");
        var versym = elf.First(ElfImage.ShtGnuVersym) ?? throw new InvalidDataException("no .gnu.version section");

        var referenced = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var rela in elf.Sections.Where(s => s.Type == ElfImage.ShtRela && s.Link == dynsym.Index))
        {
            for (var at = rela.Offset; at < rela.Offset + rela.Size; at += 24)
            {
                var sym = (long)(elf.U64(at + 8) >> 32); // ELF64_R_SYM(r_info)
                if (sym == 0) continue;
                if ((elf.U16(versym.Offset + (sym * 2)) & 0x7fff) != index) continue;
                referenced.Add(elf.String(dynsym.Link, elf.U32(dynsym.Offset + (sym * 24))));
            }
        }

        return [.. referenced];
    }
}
