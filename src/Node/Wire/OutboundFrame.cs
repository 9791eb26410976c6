using FedChain.Node.Wire.V1;

namespace FedChain.Node.Wire;

/// <summary>An encoded frame waiting in a connection's send queue: the first <see cref="Length"/> bytes
/// of <see cref="Buffer"/>, which goes back to the shared pool once written (when <see cref="Pooled"/>).</summary>
internal readonly record struct OutboundFrame(byte[] Buffer, int Length, MessageCode Code, bool Pooled)
{
    public ReadOnlySpan<byte> Bytes => Buffer.AsSpan(0, Length);

    public void Return()
    {
        if (Pooled) FrameBuffers.Pool.Return(Buffer);
    }
}
