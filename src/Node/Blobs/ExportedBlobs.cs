namespace FedChain.Node.Blobs;

/// <summary>
/// A folder of blobs as <see cref="BlobStore.ExportTo"/> writes it (files named by their lower-case
/// SHA-256), or a store's own blobs/ folder (the same names under two-letter subfolders): what an auditor holds.
/// </summary>
public static class ExportedBlobs
{
    /// <summary>Every blob in the folder and its subfolders, in id order.</summary>
    public static IEnumerable<(string Id, byte[] Content)> ReadAll(string folder)
    {
        if (!Directory.Exists(folder)) yield break;
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (IsId(name)) yield return (name, File.ReadAllBytes(file));
        }
    }

    /// <summary>The blob <paramref name="id"/>, or null when the folder does not hold it.</summary>
    public static byte[]? TryRead(string folder, string id)
    {
        foreach (var path in new[] { Path.Combine(folder, id), Path.Combine(folder, id[..2], id) })
        {
            if (File.Exists(path)) return File.ReadAllBytes(path);
        }

        return null;
    }

    private static bool IsId(string name) => name.Length == 64 && name.All(char.IsAsciiHexDigitLower);
}
