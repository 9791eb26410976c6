namespace FedChain.Build.ElfVersionPatch;

/// <summary>What <see cref="WeakVersionPatcher.Patch"/> did to a file.</summary>
/// <param name="Weakened">Version needs whose weak flag this run set.</param>
/// <param name="AlreadyWeak">Unmet version needs that were already weak.</param>
public sealed record PatchResult(IReadOnlyList<string> Weakened, IReadOnlyList<string> AlreadyWeak)
{
    public bool Changed => Weakened.Count > 0;
}

/// <summary>
/// Marks the libstdc++ version needs that the system library does not define as weak, but only
/// where no relocation uses them. See this folder's README for why that is safe.
/// </summary>
public static class WeakVersionPatcher
{
    public const string LibStdCxx = "libstdc++.so.6";

    /// <summary>Patches <paramref name="path"/> in place (through a temp file and a rename).</summary>
    /// <param name="provided">The versions the system's libstdc++ defines.</param>
    /// <exception cref="InvalidOperationException">A missing version is really used by a relocation.</exception>
    public static PatchResult Patch(string path, IReadOnlySet<string> provided)
    {
        var elf = new ElfImage(File.ReadAllBytes(path));
        var unmet = VersionTables.Needs(elf)
            .Where(n => n.File == LibStdCxx && !provided.Contains(n.Name))
            .ToList();

        var weakened = new List<string>();
        foreach (var need in unmet.Where(n => !n.IsWeak))
        {
            var used = VersionTables.RelocatedSymbols(elf, need.Index);
            if (used.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{path} needs {need.Name} from {LibStdCxx} for relocated symbol(s) {string.Join(", ", used)}; " +
                    "the system libstdc++ lacks that version, so marking it weak would not be safe. Install a newer libstdc++.");
            }

            var flags = (ushort)(need.Flags | VersionNeed.WeakFlag);
            elf.Bytes[need.FlagsOffset] = (byte)flags;
            elf.Bytes[need.FlagsOffset + 1] = (byte)(flags >> 8);
            weakened.Add(need.Name);
        }

        if (weakened.Count > 0)
        {
            // Never write through the original inode: it may be a hard link into the NuGet cache.
            var temp = path + ".weak-tmp";
            File.WriteAllBytes(temp, elf.Bytes);
            File.Move(temp, path, overwrite: true);
        }

        return new PatchResult(weakened, [.. unmet.Where(n => n.IsWeak).Select(n => n.Name)]);
    }
}
