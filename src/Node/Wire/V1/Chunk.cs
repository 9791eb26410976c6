namespace FedChain.Node.Wire.V1;

/// <summary>
/// One chunk of a blob, verified against the manifest's hash before it is written. Encoded by hand
/// (<see cref="ChunkCodec"/>) so chunk data moves through pooled buffers; the layout is the same as
/// every other message's: a MessagePack array [id, index, data].
/// </summary>
public sealed class Chunk : IWireMessage
{
    private byte[]? _pooled;

    public Chunk(byte[] id, int index, ReadOnlyMemory<byte> data)
    {
        Id = id;
        Index = index;
        Data = data;
    }

    /// <summary>A received chunk whose data lives in a rented array; see <see cref="Release"/>.</summary>
    internal Chunk(byte[] id, int index, byte[] pooled, int length)
        : this(id, index, pooled.AsMemory(0, length)) => _pooled = pooled;

    public byte[] Id { get; }

    public int Index { get; }

    public ReadOnlyMemory<byte> Data { get; }

    public MessageCode Code => MessageCode.Chunk;

    public void Validate()
    {
        WireLimits.RequireHash(Id, "Chunk.Id");
        WireLimits.Require(Index is >= 0 and < WireLimits.MaxChunks, "Chunk.Index out of range");
    }

    /// <summary>Gives a received chunk's buffer back to the pool. <see cref="Data"/> must not be read afterwards.</summary>
    internal void Release()
    {
        var pooled = Interlocked.Exchange(ref _pooled, null);
        if (pooled is not null) FrameBuffers.Pool.Return(pooled);
    }
}
