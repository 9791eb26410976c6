using System.Buffers;

namespace FedChain.Node.Network;

internal sealed partial class PeerConnection
{
    private async Task WriteLoopAsync(CancellationToken ct)
    {
        var output = _link.Pipe.Output;
        var reader = _outbox.Reader;
        while (await reader.WaitToReadAsync(ct))
        {
            // Batch whatever is queued into one flush.
            while (reader.TryRead(out var frame))
            {
                output.Write(frame.Bytes);
                if (frame.Code != 0) _metrics.AddFrameOut(frame.Code, frame.Length);
                frame.Return();
            }

            var flushed = await output.FlushAsync(ct);
            if (flushed.IsCompleted || flushed.IsCanceled) return;
        }
    }
}
