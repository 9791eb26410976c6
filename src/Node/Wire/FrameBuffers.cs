using System.Buffers;

namespace FedChain.Node.Wire;

/// <summary>
/// The pool frame and chunk buffers come from. A dedicated pool, not ArrayPool.Shared: a 64 KiB chunk
/// frame rounds up to a 128 KiB bucket, which is a large-object-heap array, and the shared pool trims
/// (and drops) such arrays on every gen-2 GC under a lock, which showed up as a third of the CPU in
/// `bench gossip` profiles. This pool keeps up to 128 arrays per size and never trims.
/// </summary>
internal static class FrameBuffers
{
    public static ArrayPool<byte> Pool { get; } = ArrayPool<byte>.Create(maxArrayLength: 2 * 1024 * 1024, maxArraysPerBucket: 128);
}
