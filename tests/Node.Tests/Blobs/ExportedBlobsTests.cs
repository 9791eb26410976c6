using FedChain.Node.Blobs;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Blobs;

/// <summary>A member's commands (`plan show`, `model fetch`, a release) read its running node's store folder through ExportedBlobs.</summary>
public sealed class ExportedBlobsTests
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task TryReadAndReadAll_StoreFolderOfARunningStore_FindPackedAndFileBlobs()
    {
        using var store = BlobStore.Open(_folder.Path);
        var small = Bytes(3000, seed: 1);
        var large = Bytes(BlobStore.PackedMaxBytes + 10, seed: 2);
        var smallId = (await store.PutAsync(small)).Id.ToString();
        var largeId = (await store.PutAsync(large)).Id.ToString();

        Assert.Equal(small, ExportedBlobs.TryRead(_folder.Path, smallId));
        Assert.Equal(large, ExportedBlobs.TryRead(_folder.Path, largeId));
        Assert.Null(ExportedBlobs.TryRead(_folder.Path, new string('0', 64)));
        var all = ExportedBlobs.ReadAll(_folder.Path).ToDictionary(b => b.Id, b => b.Content);
        Assert.Equal([largeId, smallId], all.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(small, all[smallId]);
    }

    [Fact]
    public async Task TryRead_PackedRecordNotHashingToItsId_IsNotReturned()
    {
        string id;
        using (var store = BlobStore.Open(_folder.Path))
        {
            var stored = await store.PutAsync(Bytes(500, seed: 3));
            id = stored.Id.ToString();
            var (pack, offset) = store.LocationOf(stored.Id);
            await using var file = new FileStream(pack, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite);
            file.Position = offset + 7;
            var value = file.ReadByte();
            file.Position = offset + 7;
            file.WriteByte((byte)(value ^ 0xFF));
        }

        Assert.Null(ExportedBlobs.TryRead(_folder.Path, id));
        Assert.Empty(ExportedBlobs.ReadAll(_folder.Path));
    }

    private static byte[] Bytes(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
