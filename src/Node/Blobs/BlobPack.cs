using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace FedChain.Node.Blobs;

/// <summary>
/// Small blobs, appended to one file (<c>blobs.pack</c>) instead of a file each. A sharded aggregation stores
/// thousands of blobs of tens of kilobytes per round, and creating a file each (inode allocation, directory
/// entry, rename) was a third of the CPU of `fedchain bench aggregate` on ext4 (perf: __ext4_new_inode and
/// ext4_create). Appends that arrive together share one write and one fsync (group commit, as a database log
/// does), so durability costs one disk flush per batch rather than per blob.
/// Record: magic (4 bytes, live or discarded), content length (4), blob id (32), content. Blobs are never
/// removed from the store, so the file only grows; a discarded record (a fetched blob the store then refused)
/// is skipped on recovery.
/// </summary>
internal sealed class BlobPack : IDisposable
{
    public const int HeaderBytes = 4 + 4 + BlobId.Length;

    private const uint LiveMagic = 0x4B504346; // "FCPK"
    private const uint DiscardedMagic = 0x44504346; // "FCPD"

    private readonly SafeFileHandle _file;
    private readonly Lock _lock = new();
    private List<Append> _pending = [];
    private bool _flushing;
    private long _end;

    private BlobPack(SafeFileHandle file, long end, string path) => (_file, _end, Path) = (file, end, path);

    public string Path { get; }

    /// <summary>Opens the pack, cutting off a record a crash left half-written, and returns it with the records it holds.</summary>
    public static (BlobPack Pack, IReadOnlyList<PackedRecord> Records) Open(string path, int maxContentBytes)
    {
        var file = File.OpenHandle(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        try
        {
            var (records, end) = Scan(file, maxContentBytes);
            if (end < RandomAccess.GetLength(file)) RandomAccess.SetLength(file, end);
            return (new BlobPack(file, end, path), records);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Appends <paramref name="content"/> (which the caller no longer changes) and returns where its content
    /// starts, once it is on disk.</summary>
    public Task<long> AppendAsync(BlobId id, ReadOnlyMemory<byte> content)
    {
        var header = new byte[HeaderBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(header, LiveMagic);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), content.Length);
        id.ToBytes().CopyTo(header.AsSpan(8));
        var append = new Append(header, content, new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (_lock)
        {
            append.Offset = _end;
            _end += HeaderBytes + content.Length;
            _pending.Add(append);
            if (_flushing) return append.Done.Task;
            _flushing = true;
        }

        _ = BlockingFileWork.RunAsync(Flush);
        return append.Done.Task;
    }

    /// <summary>Marks the record whose content starts at <paramref name="contentOffset"/> discarded, so recovery does not index it.
    /// Not flushed: if a crash loses the mark, the blob is indexed after all, which costs only its space.</summary>
    public void Discard(long contentOffset)
    {
        Span<byte> magic = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(magic, DiscardedMagic);
        RandomAccess.Write(_file, magic, contentOffset - HeaderBytes);
    }

    public byte[] Read(long contentOffset, int length)
    {
        var content = new byte[length];
        ReadInto(_file, content, contentOffset);
        return content;
    }

    public async Task<int> ReadAsync(long offset, Memory<byte> destination, CancellationToken ct)
    {
        var read = 0;
        while (read < destination.Length)
        {
            var n = await RandomAccess.ReadAsync(_file, destination[read..], offset + read, ct);
            if (n == 0) throw new IOException($"blob pack {Path} ends before offset {offset + destination.Length}");
            read += n;
        }

        return read;
    }

    public void Dispose() => _file.Dispose();

    /// <summary>Writes whatever is pending, with one write and one fsync per batch, until nothing is.</summary>
    private void Flush()
    {
        while (true)
        {
            List<Append> batch;
            lock (_lock)
            {
                if (_pending.Count == 0)
                {
                    _flushing = false;
                    return;
                }

                (batch, _pending) = (_pending, []);
            }

            try
            {
                // The batch is one contiguous range: offsets are handed out in the order appends are queued.
                var buffers = new List<ReadOnlyMemory<byte>>(batch.Count * 2);
                foreach (var append in batch) buffers.AddRange([append.Header, append.Content]);
                RandomAccess.Write(_file, buffers, batch[0].Offset);
                RandomAccess.FlushToDisk(_file);
                foreach (var append in batch) append.Done.SetResult(append.Offset + HeaderBytes);
            }
            catch (Exception e)
            {
                foreach (var append in batch) append.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Every whole record from the start; the scan ends at the first header that is not one (a torn write).</summary>
    internal static (List<PackedRecord> Records, long End) Scan(SafeFileHandle file, int maxContentBytes)
    {
        var records = new List<PackedRecord>();
        var length = RandomAccess.GetLength(file);
        var header = new byte[HeaderBytes];
        long offset = 0;
        while (offset + HeaderBytes <= length)
        {
            ReadInto(file, header, offset);
            var magic = BinaryPrimitives.ReadUInt32LittleEndian(header);
            var size = BinaryPrimitives.ReadInt32LittleEndian(header.AsSpan(4));
            if (magic is not (LiveMagic or DiscardedMagic) || size < 0 || size > maxContentBytes || offset + HeaderBytes + size > length) break;
            if (magic == LiveMagic) records.Add(new PackedRecord(BlobId.FromBytes(header.AsSpan(8)), offset + HeaderBytes, size));
            offset += HeaderBytes + size;
        }

        return (records, offset);
    }

    internal static void ReadInto(SafeFileHandle file, Span<byte> destination, long offset)
    {
        var read = 0;
        while (read < destination.Length)
        {
            var n = RandomAccess.Read(file, destination[read..], offset + read);
            if (n == 0) throw new IOException($"the blob pack ends before offset {offset + destination.Length}");
            read += n;
        }
    }

    private sealed class Append(byte[] header, ReadOnlyMemory<byte> content, TaskCompletionSource<long> done)
    {
        public byte[] Header { get; } = header;

        public ReadOnlyMemory<byte> Content { get; } = content;

        public TaskCompletionSource<long> Done { get; } = done;

        public long Offset { get; set; }
    }
}

/// <summary>A live record of the pack: its blob's id, where its content starts and how long it is.</summary>
internal readonly record struct PackedRecord(BlobId Id, long Offset, int Length);
