using FedChain.Node.PeerPenalties;
using FedChain.Node.Wire;
using FedChain.Node.Wire.V1;

namespace FedChain.Node.Network;

internal sealed partial class PeerConnection
{
    private async Task ReadLoopAsync(CancellationToken ct)
    {
        var input = _link.Pipe.Input;
        while (!ct.IsCancellationRequested)
        {
            var result = await input.ReadAsync(ct);
            if (result.IsCanceled) return;
            var buffer = result.Buffer;
            try
            {
                while (true)
                {
                    var parse = FrameReader.TryRead(ref buffer, _maxFrameBytes, out var frame);
                    if (parse == FrameParse.NeedMore) break;
                    if (parse == FrameParse.Oversize)
                    {
                        // The stream cannot be resynchronised without reading the whole claimed length: drop the peer.
                        _sink.OnViolation(this, RejectionReason.OversizeFrame, Misbehaviour.OversizeFrame, $"frame length over the {_maxFrameBytes}-byte cap");
                        Close("oversize frame");
                        return;
                    }

                    await HandleFrameAsync(frame, ct);
                    if (_closeReason is not null) return;
                }
            }
            finally
            {
                input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted) return;
        }
    }

    private async ValueTask HandleFrameAsync(Frame frame, CancellationToken ct)
    {
        _metrics.AddFrameIn(frame.Code, frame.WireLength);
        if (!_flood.TryTake())
        {
            _sink.OnViolation(this, RejectionReason.Flood, Misbehaviour.Flood, "over the message rate");
            return;
        }

        IWireMessage message;
        try
        {
            message = WireCodec.Decode(frame);
        }
        catch (MalformedFrameException e)
        {
            _sink.OnViolation(this, RejectionReason.MalformedFrame, Misbehaviour.MalformedFrame, e.Message);
            return;
        }

        if (message is Hello hello)
        {
            if (PeerHello is not null)
            {
                _sink.OnViolation(this, RejectionReason.MalformedFrame, Misbehaviour.MalformedFrame, "second hello");
                return;
            }

            PeerHello = hello;
        }
        else if (PeerHello is null)
        {
            _sink.OnViolation(this, RejectionReason.MalformedFrame, Misbehaviour.MalformedFrame, $"{message.Code} before hello");
            return;
        }

        await _sink.OnMessageAsync(this, message, ct);
    }
}
