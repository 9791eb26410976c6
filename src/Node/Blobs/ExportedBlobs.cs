namespace FedChain.Node.Blobs;

/// <summary>
/// A folder of blobs as <see cref="BlobStore.ExportTo"/> writes it (files named by their lower-case SHA-256), or a
/// node's store folder (its larger blobs under blobs/ in two-letter subfolders, its small ones in blobs.pack): what an
/// auditor holds, or what a member's own commands read from its node's state while the node runs.
/// </summary>
public static class ExportedBlobs
{
    /// <summary>Every blob in the folder and its subfolders, and in its pack, in id order.</summary>
    public static IEnumerable<(string Id, byte[] Content)> ReadAll(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        var files = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => IsId(Path.GetFileName(f)))
            .Select(f => (Id: Path.GetFileName(f), Read: (Func<byte[]?>)(() => File.ReadAllBytes(f))));
        var packed = Packed(folder).Select(r => (Id: r.Id.ToString(), Read: (Func<byte[]?>)(() => Checked(BlobPack.ReadContent(PackOf(folder), r), r.Id))));
        foreach (var (id, read) in files.Concat(packed).DistinctBy(b => b.Id).OrderBy(b => b.Id, StringComparer.Ordinal))
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

        return Packed(folder).Where(r => r.Id.ToString() == id).Select(r => Checked(BlobPack.ReadContent(PackOf(folder), r), r.Id)).FirstOrDefault(c => c is not null);
    }

    /// <summary>A packed record's content if it hashes to its id: a file's name is what its readers check it against, a record's id is only its header.</summary>
    private static byte[]? Checked(byte[] content, BlobId id) => BlobId.Compute(content) == id ? content : null;

    private static IReadOnlyList<PackedRecord> Packed(string folder) =>
        File.Exists(PackOf(folder)) ? BlobPack.ReadRecords(PackOf(folder), BlobStore.PackedMaxBytes) : [];

    private static string PackOf(string folder) => Path.Combine(folder, "blobs.pack");

    private static bool IsId(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);
}
