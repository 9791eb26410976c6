using System.Diagnostics;
using System.Text.RegularExpressions;

namespace FedChain.Contracts.Chain;

/// <summary>
/// A local anvil chain on a port (by default one the OS chooses, <c>--port 0</c>) of a loopback or given address. Ready
/// once anvil prints its "Listening on" line; disposing it stops the process.
/// </summary>
public sealed partial class AnvilProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AnvilProcess(Process process, Uri rpcUrl, IReadOnlyList<string> devKeys)
    {
        _process = process;
        RpcUrl = rpcUrl;
        DevPrivateKeys = devKeys;
    }

    /// <summary>The JSON-RPC endpoint, e.g. http://127.0.0.1:41234.</summary>
    public Uri RpcUrl { get; }

    /// <summary>The funded development accounts' private keys, as anvil printed them.</summary>
    public IReadOnlyList<string> DevPrivateKeys { get; }

    /// <summary>Chain id anvil uses unless told otherwise.</summary>
    public const long ChainId = 31337;

    /// <summary>Starts anvil and waits for it to listen.</summary>
    /// <param name="extraArgs">More anvil flags, e.g. <c>--block-time 1</c>.</param>
    /// <param name="port">Port to listen on; 0 lets the OS choose a free one.</param>
    /// <param name="host">Address to listen on: loopback by default; another address lets nodes in other network namespaces or hosts reach it.</param>
    public static async Task<AnvilProcess> StartAsync(string? anvilPath = null, IEnumerable<string>? extraArgs = null, CancellationToken ct = default, int port = 0, string host = "127.0.0.1")
    {
        var path = anvilPath ?? ChainTools.Anvil();
        var info = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "--host", host, "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Concat(extraArgs ?? [])) info.ArgumentList.Add(a);

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start anvil at {path}");
        try
        {
            var keys = new List<string>();
            var inKeys = false;
            while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
            {
                if (line.StartsWith("Private Keys", StringComparison.Ordinal)) inKeys = true;
                else if (line.StartsWith("Wallet", StringComparison.Ordinal)) inKeys = false;
                else if (inKeys && KeyLine().Match(line) is { Success: true } k) keys.Add(k.Groups[1].Value);

                if (ListeningLine().Match(line) is { Success: true } m)
                {
                    _ = DrainAsync(process.StandardOutput); // anvil keeps logging; never let its pipe fill up
                    _ = DrainAsync(process.StandardError);
                    return new AnvilProcess(process, new Uri($"http://{m.Groups[1].Value}"), keys);
                }
            }

            var err = await process.StandardError.ReadToEndAsync(ct);
            throw new InvalidOperationException($"anvil at {path} exited before listening (exit code {(process.HasExited ? process.ExitCode : -1)}): {err.Trim()}");
        }
        catch
        {
            Kill(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static void Kill(Process p)
    {
        try
        {
            if (!p.HasExited) p.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync() is not null) { }
        }
        catch (IOException)
        {
            // the process went away
        }
        catch (ObjectDisposedException)
        {
            // disposed while draining
        }
    }

    [GeneratedRegex(@"Listening on (\S+:\d+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"^\(\d+\) (0x[0-9a-fA-F]{64})")]
    private static partial Regex KeyLine();
}
