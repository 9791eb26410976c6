using Microsoft.Win32.SafeHandles;

namespace FedChain.Node.Blobs;

/// <summary>
/// A pack (<see cref="BlobPack"/>) read by another process than the one appending to it: a member's `plan show`, `model fetch`
/// or release reading its running node's store. Opened for reading only, through one handle; the records are those whole when
/// it was opened (a record still being written ends the scan).
/// </summary>
internal sealed class PackReader : IDisposable
{
    private readonly SafeFileHandle _file;

    private PackReader(SafeFileHandle file, IReadOnlyList<PackedRecord> records) => (_file, Records) = (file, records);

    public IReadOnlyList<PackedRecord> Records { get; }

    /// <summary>The pack at <paramref name="path"/>, or null when there is none.</summary>
    public static PackReader? Open(string path)
    {
        if (!File.Exists(path)) return null;
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        try
        {
            return new PackReader(file, BlobPack.Scan(file, BlobStore.PackedMaxBytes).Records);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The record's content if it hashes to its id, else null: a file's name is what its readers check it against,
    /// a record's id is only its header.</summary>
    public byte[]? Read(PackedRecord record)
    {
        var content = new byte[record.Length];
        BlobPack.ReadInto(_file, content, record.Offset);
        return BlobId.Compute(content) == record.Id ? content : null;
    }

    public void Dispose() => _file.Dispose();
}
