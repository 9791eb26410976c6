using BenchmarkDotNet.Attributes;
using FedChain.Node.Blobs;

namespace FedChain.Bench;

/// <summary>What a 4 MiB blob costs in hashing: its id, its manifest's chunk hashes, and checking every chunk on arrival.</summary>
[MemoryDiagnoser]
public class ChunkBenchmarks
{
    private readonly byte[] _blob = new byte[4 << 20];
    private byte[] _hashes = [];

    [GlobalSetup]
    public void Setup()
    {
        new Random(1).NextBytes(_blob);
        _hashes = ChunkLayout.HashChunks(_blob, BlobStore.DefaultChunkSize);
    }

    [Benchmark]
    public BlobId ContentId() => BlobId.Compute(_blob);

    [Benchmark]
    public byte[] ChunkHashes() => ChunkLayout.HashChunks(_blob, BlobStore.DefaultChunkSize);

    [Benchmark]
    public bool VerifyEveryChunk()
    {
        var ok = true;
        var count = ChunkLayout.Count(_blob.Length, BlobStore.DefaultChunkSize);
        for (var i = 0; i < count; i++)
        {
            var chunk = _blob.AsSpan((int)ChunkLayout.Offset(i, BlobStore.DefaultChunkSize), ChunkLayout.LengthOf(i, _blob.Length, BlobStore.DefaultChunkSize));
            ok &= ChunkLayout.Verify(chunk, _hashes, i);
        }

        return ok;
    }
}
