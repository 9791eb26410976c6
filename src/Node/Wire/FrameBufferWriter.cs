using System.Buffers;

namespace FedChain.Node.Wire;

/// <summary>An <see cref="IBufferWriter{T}"/> over arrays rented from the shared pool, so encoding a
/// frame allocates nothing that the GC has to chase (64 KiB chunks would otherwise churn it).</summary>
internal sealed class FrameBufferWriter(int initialCapacity) : IBufferWriter<byte>
{
    public byte[] Buffer { get; private set; } = FrameBuffers.Pool.Rent(initialCapacity);

    public int Length { get; private set; }

    public void Advance(int count) => Length += count;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Buffer.AsMemory(Length);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return Buffer.AsSpan(Length);
    }

    private void Ensure(int sizeHint)
    {
        var needed = Length + Math.Max(sizeHint, 1);
        if (needed <= Buffer.Length) return;
        var larger = FrameBuffers.Pool.Rent(Math.Max(needed, Buffer.Length * 2));
        Buffer.AsSpan(0, Length).CopyTo(larger);
        FrameBuffers.Pool.Return(Buffer);
        Buffer = larger;
    }
}
