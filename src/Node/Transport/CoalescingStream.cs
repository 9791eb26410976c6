namespace FedChain.Node.Transport;

/// <summary>
/// Gathers the TLS records SslStream writes (one per 16 KiB of data at most) into one socket write per
/// flush, up to <see cref="Capacity"/> bytes: a 64 KiB chunk frame was four to sixteen send calls, and
/// system calls were the largest share of the transfer's CPU (perf). Off during the handshake, whose
/// flushes we do not control; on once it is done, after which the session's writer flushes every batch.
/// </summary>
internal sealed class CoalescingStream(Stream inner) : Stream
{
    public const int Capacity = 256 * 1024;

    private readonly byte[] _buffer = new byte[Capacity];
    private readonly SemaphoreSlim _gate = new(1, 1);
    private int _length;

    /// <summary>Buffer writes until the next flush (set once the handshake is done).</summary>
    public bool Enabled { get; set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => inner.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!Enabled)
        {
            await inner.WriteAsync(buffer, cancellationToken);
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_length + buffer.Length > Capacity) await DrainAsync(cancellationToken);
            if (buffer.Length >= Capacity)
            {
                await inner.WriteAsync(buffer, cancellationToken);
                return;
            }

            buffer.CopyTo(_buffer.AsMemory(_length));
            _length += buffer.Length;
        }
        finally
        {
            _gate.Release();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await DrainAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }

        await inner.FlushAsync(cancellationToken);
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
            _gate.Dispose();
        }

        base.Dispose(disposing);
    }

    private async ValueTask DrainAsync(CancellationToken ct)
    {
        if (_length == 0) return;
        await inner.WriteAsync(_buffer.AsMemory(0, _length), ct);
        _length = 0;
    }
}
