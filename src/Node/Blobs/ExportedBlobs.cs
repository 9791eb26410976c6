namespace FedChain.Node.Blobs;

/// <summary>
/// A folder of blobs as <see cref="BlobStore.ExportTo"/> writes it (files named by their lower-case SHA-256), or a
/// node's store folder (its larger blobs under blobs/ in two-letter subfolders, its small ones in blobs.pack): what an
/// auditor holds, or what a member's own commands read from its node's state while the node runs.
/// </summary>
public static class ExportedBlobs
{
    /// <summary>Every blob in the folder and its subfolders, and in its pack, in id order, each read as it is reached.</summary>
    public static IEnumerable<(string Id, byte[] Content)> ReadAll(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => IsId(Path.GetFileName(f)))
            .Select(f => (Id: Path.GetFileName(f), Read: (Func<byte[]?>)(() => File.ReadAllBytes(f))))
            .ToList();
        var named = files.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        using var pack = PackReader.Open(PackOf(folder));
        var packed = (pack?.Records ?? []).Where(r => !named.Contains(r.Id.ToString())).DistinctBy(r => r.Id)
            .Select(r => (Id: r.Id.ToString(), Read: (Func<byte[]?>)(() => pack!.Read(r))));
        foreach (var (id, read) in files.Concat(packed).OrderBy(b => b.Id, StringComparer.Ordinal))
        {
            if (read() is { } content) yield return (id, content);
        }
    }

    /// <summary>The blob <paramref name="id"/>, or null when the folder does not hold it.</summary>
    public static byte[]? TryRead(string folder, string id)
    {
        foreach (var path in new[] { Path.Combine(folder, id), Path.Combine(folder, id[..2], id), Path.Combine(folder, "blobs", id[..2], id) })
        {
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }

        using var pack = PackReader.Open(PackOf(folder));
        return pack?.Records.Where(r => r.Id.ToString() == id).Select(pack.Read).FirstOrDefault(c => c is not null);
    }

    private static string PackOf(string folder) => Path.Combine(folder, "blobs.pack");

    private static bool IsId(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);
}
