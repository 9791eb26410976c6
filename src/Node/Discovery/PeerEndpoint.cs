using System.Globalization;
using System.Net;

namespace FedChain.Node.Discovery;

/// <summary>Parses "host:port" endpoints from the registry, configuration and peer exchange.</summary>
public static class PeerEndpoint
{
    /// <summary>Parses <paramref name="text"/>; the error names <paramref name="where"/> it came from.</summary>
    public static DnsEndPoint Parse(string text, string where) =>
        TryParse(text, out var endPoint) ? endPoint : throw new FormatException($"{where}: '{text}' is not an endpoint: expected host:port with port 1-65535");

    public static bool TryParse(string? text, out DnsEndPoint endPoint)
    {
        endPoint = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1) return false;
        var host = text[..colon].Trim('[', ']');
        if (!int.TryParse(text.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535) return false;
        if (host.Length == 0) return false;
        endPoint = new DnsEndPoint(host, port);
        return true;
    }

    public static string Format(IPEndPoint endPoint) => endPoint.ToString();

    /// <summary>An IP endpoint for "host:port" or "address:port", resolving a host name (IPv4 first).</summary>
    public static async Task<IPEndPoint> ResolveAsync(string text, string where, CancellationToken ct)
    {
        if (IPEndPoint.TryParse(text, out var ip)) return ip;
        var named = Parse(text, where);
        var addresses = await Dns.GetHostAddressesAsync(named.Host, ct);
        var address = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new InvalidDataException($"{where}: {named.Host} does not resolve to an address");
        return new IPEndPoint(address, named.Port);
    }
}
