using System.Security.Cryptography;
using FedChain.Node.Blobs;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Blobs;

public sealed class BlobStoreTests
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task PutAsync_Content_IsStoredUnderItsSha256AndSurvivesReopening()
    {
        // Over ChunkLayout.WholeMaxBytes: cut in 64 KiB chunks, the last one shorter.
        var content = Bytes(1_100_000);
        BlobId id;
        using (var sut = BlobStore.Open(_folder.Path))
        {
            id = (await sut.PutAsync(content)).Id;
        }

        using var reopened = BlobStore.Open(_folder.Path);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(content)), id.ToString());
        Assert.Equal(content, await reopened.ReadAllBytesAsync(id));
        Assert.Equal(17, reopened.TryGet(id)!.ChunkCount);
        Assert.Equal(content.AsSpan(2 * 65536, 65536).ToArray(), await reopened.ReadChunkAsync(id, 2));
        Assert.Equal(content.AsSpan(16 * 65536).ToArray(), await reopened.ReadChunkAsync(id, 16));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(70_000)]
    [InlineData(ChunkLayout.WholeMaxBytes)]
    public async Task PutAsync_ContentThatFitsAFrame_IsOneChunkWhoseHashIsTheId(int size)
    {
        var content = Bytes(size);
        using var sut = BlobStore.Open(_folder.Path, chunkSize: 2048);

        var info = await sut.PutAsync(content);

        Assert.Equal(1, info.ChunkCount);
        Assert.Equal(info.Id.ToBytes(), info.ChunkHashes);
        Assert.True(ChunkLayout.Fits(info, 0, content));
        Assert.Equal(content, await sut.ReadChunkAsync(info.Id, 0));
    }

    [Fact]
    public async Task Open_AfterACrash_DropsTempFilesIndexesOrphansAndDeletesCorruptFiles()
    {
        // Over the pack's limit: each is a file of its own.
        BlobId kept, corrupt;
        using (var sut = BlobStore.Open(_folder.Path))
        {
            kept = (await sut.PutAsync(Bytes(BlobStore.PackedMaxBytes + 1, seed: 1))).Id;
            corrupt = (await sut.PutAsync(Bytes(BlobStore.PackedMaxBytes + 2, seed: 2))).Id;
        }

        // A crash between rename and index insert leaves a file with no row; simulate by deleting the index.
        DeleteIndex();
        await File.WriteAllBytesAsync(Path.Combine(_folder.Path, "tmp", "half-written.tmp"), [1, 2, 3]);
        using (var store = BlobStore.Open(_folder.Path))
        {
            await File.WriteAllBytesAsync(store.PathOf(corrupt), [9, 9, 9]);
        }

        DeleteIndex();
        using var reopened = BlobStore.Open(_folder.Path);

        Assert.True(reopened.Contains(kept));
        Assert.False(reopened.Contains(corrupt));
        Assert.False(File.Exists(reopened.PathOf(corrupt)));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "tmp")));
    }

    [Fact]
    public async Task Open_AfterACrash_IndexesPackedBlobsWithNoRowSkipsBadOnesAndCutsATornRecord()
    {
        BlobId first, second, rotten;
        using (var sut = BlobStore.Open(_folder.Path))
        {
            first = (await sut.PutAsync(Bytes(100, seed: 1))).Id;
            second = (await sut.PutAsync(Bytes(70_000, seed: 2))).Id;
            rotten = (await sut.PutAsync(Bytes(300, seed: 3))).Id;
            Assert.All(new[] { first, second, rotten }, id => Assert.EndsWith("blobs.pack", sut.LocationOf(id).File));
            await FlipByteAsync(sut.LocationOf(rotten), at: 10);
        }

        var pack = Path.Combine(_folder.Path, "blobs.pack");
        var whole = new FileInfo(pack).Length;
        // A crash in the middle of an append leaves half a record at the end.
        await using (var file = new FileStream(pack, FileMode.Append)) file.Write([0x46, 0x43, 0x50, 0x4B, 0x10]);
        DeleteIndex();
        using var reopened = BlobStore.Open(_folder.Path);

        Assert.Equal(Bytes(100, seed: 1), await reopened.ReadAllBytesAsync(first));
        Assert.Equal(Bytes(70_000, seed: 2), await reopened.ReadAllBytesAsync(second));
        Assert.Equal(Bytes(70_000, seed: 2), await reopened.ReadChunkAsync(second, 0));
        Assert.Equal(second.ToBytes(), reopened.TryGet(second)!.ChunkHashes);
        Assert.False(reopened.Contains(rotten));
        Assert.Equal(whole, new FileInfo(pack).Length);
    }

    [Fact]
    public async Task PutAsync_ManyAtOnce_AllSurviveReopeningInOnePack()
    {
        var contents = Enumerable.Range(0, 200).Select(i => Bytes(1000 + i, seed: i)).ToList();
        List<BlobId> ids;
        using (var sut = BlobStore.Open(_folder.Path, recentBytes: 0))
        {
            ids = [.. (await Task.WhenAll(contents.Select(c => sut.PutAsync(c)))).Select(b => b.Id)];
        }

        using var reopened = BlobStore.Open(_folder.Path, recentBytes: 0);
        for (var i = 0; i < contents.Count; i++) Assert.Equal(contents[i], await reopened.ReadAllBytesAsync(ids[i]));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "blobs"), "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task StoreFetchedAsync_RefusedByTheQuota_IsNotIndexedEvenAfterACrash()
    {
        var content = Bytes(5000);
        var manifest = new BlobInfo(BlobId.Compute(content), content.Length, 2048, ChunkLayout.HashChunks(content, 2048), default);
        using (var sut = BlobStore.Open(_folder.Path))
        {
            sut.QuotaBytes = 100;
            await Assert.ThrowsAsync<BlobRefusedException>(() => sut.StoreFetchedAsync(manifest, content, requested: true, CancellationToken.None));
            Assert.False(sut.Contains(manifest.Id));
        }

        DeleteIndex();
        using var reopened = BlobStore.Open(_folder.Path);

        Assert.False(reopened.Contains(manifest.Id));
    }

    [Fact]
    public async Task Open_StoreFromBeforeThePack_KeepsItsFilesAndPacksNewBlobs()
    {
        var old = Bytes(3000, seed: 5);
        BlobId oldId;
        using (var sut = BlobStore.Open(_folder.Path))
        {
            oldId = (await sut.PutAsync(old)).Id;
        }

        // The layout before the pack: the blob in its own file and an index without the pack column.
        using (var before = BlobStore.Open(_folder.Path))
        {
            var path = before.PathOf(oldId);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllBytesAsync(path, old);
        }

        File.Delete(Path.Combine(_folder.Path, "blobs.pack"));
        using (var db = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder.Path, "index.db")};Pooling=False"))
        {
            db.Open();
            using var drop = db.CreateCommand();
            drop.CommandText = "ALTER TABLE blobs DROP COLUMN pack_offset";
            drop.ExecuteNonQuery();
        }

        using var reopened = BlobStore.Open(_folder.Path, recentBytes: 0);
        var fresh = (await reopened.PutAsync(Bytes(2000, seed: 6))).Id;

        Assert.Equal(old, await reopened.ReadAllBytesAsync(oldId));
        Assert.Equal((reopened.PathOf(oldId), 0L), reopened.LocationOf(oldId));
        Assert.EndsWith("blobs.pack", reopened.LocationOf(fresh).File);
    }

    [Fact]
    public async Task OpenPartialAsync_AfterRestart_ResumesWithTheChunksAlreadyWritten()
    {
        var content = Bytes(10_000);
        var manifest = new BlobInfo(BlobId.Compute(content), content.Length, 2048, ChunkLayout.HashChunks(content, 2048), default);
        using (var sut = BlobStore.Open(_folder.Path))
        using (var partial = await sut.OpenPartialAsync(manifest))
        {
            Assert.True(await partial.TryWriteChunkAsync(0, content.AsMemory(0, 2048)));
            Assert.True(await partial.TryWriteChunkAsync(3, content.AsMemory(6144, 2048)));
        }

        using var reopened = BlobStore.Open(_folder.Path);
        using var resumed = await reopened.OpenPartialAsync(manifest);
        Assert.Equal([1, 2, 4], resumed.MissingChunks());
        foreach (var i in resumed.MissingChunks())
        {
            Assert.True(await resumed.TryWriteChunkAsync(i, content.AsMemory(i * 2048, Math.Min(2048, content.Length - (i * 2048)))));
        }

        Assert.NotNull(await resumed.CompleteAsync());
        Assert.Equal(content, await reopened.ReadAllBytesAsync(manifest.Id));
    }

    [Fact]
    public async Task TryWriteChunkAsync_TamperedChunk_IsRefused()
    {
        var content = Bytes(4096);
        var manifest = new BlobInfo(BlobId.Compute(content), content.Length, 2048, ChunkLayout.HashChunks(content, 2048), default);
        using var sut = BlobStore.Open(_folder.Path);
        using var partial = await sut.OpenPartialAsync(manifest);
        var tampered = content.AsSpan(0, 2048).ToArray();
        tampered[7] ^= 1;

        Assert.False(await partial.TryWriteChunkAsync(0, tampered));
        Assert.False(partial.Has(0));
    }

    [Fact]
    public async Task OpenBuffered_ChunksInAnyOrder_StoresTheBlobWithNoPartialFile()
    {
        var content = Bytes(5000);
        var manifest = new BlobInfo(BlobId.Compute(content), content.Length, 2048, ChunkLayout.HashChunks(content, 2048), default);
        using var sut = BlobStore.Open(_folder.Path);
        using var download = sut.OpenBuffered(manifest);
        var tampered = content.AsSpan(2048, 2048).ToArray();
        tampered[0] ^= 1;

        Assert.False(await download.TryWriteChunkAsync(1, tampered));
        foreach (var i in new[] { 2, 0, 1 }) Assert.True(await download.TryWriteChunkAsync(i, content.AsMemory(i * 2048, Math.Min(2048, content.Length - (i * 2048)))));
        Assert.Empty(download.MissingChunks());
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "partial")));
        Assert.NotNull(await download.CompleteAsync());

        Assert.Equal(content, await sut.ReadAllBytesAsync(manifest.Id));
        Assert.Equal(content, await ReadAtAsync(sut.LocationOf(manifest.Id), content.Length));
    }

    [Fact]
    public async Task OpenBuffered_ManifestHashesOtherContent_CompletesToNullAndStoresNothing()
    {
        var content = Bytes(3000);
        var other = Bytes(3000, seed: 9);
        // Chunk hashes of other bytes under content's id: every chunk verifies, the whole does not.
        var manifest = new BlobInfo(BlobId.Compute(content), other.Length, 2048, ChunkLayout.HashChunks(other, 2048), default);
        using var sut = BlobStore.Open(_folder.Path);
        using var download = sut.OpenBuffered(manifest);
        Assert.True(await download.TryWriteChunkAsync(0, other.AsMemory(0, 2048)));
        Assert.True(await download.TryWriteChunkAsync(1, other.AsMemory(2048)));

        Assert.Null(await download.CompleteAsync());

        Assert.False(sut.Contains(manifest.Id));
        Assert.Empty(Directory.GetFiles(Path.Combine(_folder.Path, "tmp")));
    }

    [Fact]
    public async Task ReadAllBytesAsync_BlobKeptInMemory_ReturnsACopyTheCallerMayChange()
    {
        var content = Bytes(4000);
        using var sut = BlobStore.Open(_folder.Path);
        var id = (await sut.PutAsync(content)).Id;
        content[0] ^= 1;

        var first = await sut.ReadAllBytesAsync(id);
        first[1] ^= 1;

        Assert.Equal(id, BlobId.Compute(await sut.ReadAllBytesAsync(id)));
    }

    [Fact]
    public async Task ExportTo_Folder_WritesEveryBlobNamedByItsId()
    {
        using var sut = BlobStore.Open(_folder.Path);
        var a = (await sut.PutAsync(Bytes(10, seed: 3))).Id;
        var b = (await sut.PutAsync(Bytes(20, seed: 4))).Id;
        using var export = new TempDirectory();

        Assert.Equal(2, sut.ExportTo(export.Path));

        Assert.Equal(a, BlobId.Compute(await File.ReadAllBytesAsync(export.File(a.ToString()))));
        Assert.Equal(b, BlobId.Compute(await File.ReadAllBytesAsync(export.File(b.ToString()))));
    }

    [Fact]
    public async Task Withhold_IsKeptThroughReopening_AndMarksOnlyThatBlob()
    {
        BlobId withheld, announced;
        using (var sut = BlobStore.Open(_folder.Path))
        {
            withheld = (await sut.PutAsync(Bytes(100, seed: 1))).Id;
            announced = (await sut.PutAsync(Bytes(100, seed: 2))).Id;
            sut.Withhold(withheld);
        }

        using var reopened = BlobStore.Open(_folder.Path);
        Assert.True(reopened.IsWithheld(withheld));
        Assert.False(reopened.IsWithheld(announced));
        Assert.Equal(Bytes(100, seed: 1), await reopened.ReadAllBytesAsync(withheld));
    }

    private void DeleteIndex()
    {
        foreach (var db in Directory.GetFiles(_folder.Path, "index.db*")) File.Delete(db);
    }

    private static async Task FlipByteAsync((string File, long Offset) location, int at)
    {
        await using var file = new FileStream(location.File, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
        file.Position = location.Offset + at;
        var value = file.ReadByte();
        file.Position = location.Offset + at;
        file.WriteByte((byte)(value ^ 0xFF));
    }

    private static async Task<byte[]> ReadAtAsync((string File, long Offset) location, int length)
    {
        await using var file = new FileStream(location.File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        file.Position = location.Offset;
        var bytes = new byte[length];
        await file.ReadExactlyAsync(bytes);
        return bytes;
    }

    private static byte[] Bytes(int size, int seed = 0)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
