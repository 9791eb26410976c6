using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace FedChain.Node.Bench;

/// <summary>The baseline: the same number of bytes through one plain loopback TCP socket, no TLS, no framing.</summary>
internal static class PlainTcpTransfer
{
    public static async Task<TimeSpan> RunAsync(long bytes, CancellationToken ct)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var receiving = ReceiveAsync(listener, bytes, ct);
        using var client = new TcpClient();
        await client.ConnectAsync((IPEndPoint)listener.LocalEndpoint, ct);
        var stopwatch = Stopwatch.StartNew();
        var buffer = new byte[256 * 1024];
        await using (var stream = client.GetStream())
        {
            for (var left = bytes; left > 0; left -= buffer.Length)
            {
                await stream.WriteAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, left)), ct);
            }
        }

        await receiving;
        return stopwatch.Elapsed;
    }

    private static async Task ReceiveAsync(TcpListener listener, long bytes, CancellationToken ct)
    {
        using var socket = await listener.AcceptSocketAsync(ct);
        var buffer = new byte[256 * 1024];
        long received = 0;
        while (received < bytes)
        {
            var n = await socket.ReceiveAsync(buffer, ct);
            if (n == 0) throw new IOException($"plain TCP baseline: connection closed after {received} of {bytes} bytes");
            received += n;
        }
    }
}
