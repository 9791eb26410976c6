using System.Diagnostics;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Walkthrough;

/// <summary>
/// Where the walkthrough's parties run. As root with a working `ip netns`, each party gets its own
/// network namespace, joined to a bridge in the chain's namespace by a veth link, with an address
/// from RFC 2544's benchmark range 198.18.0.0/15 and host names in the namespace's own /etc/hosts;
/// otherwise every party runs on loopback. Everything made here is removed on dispose.
/// </summary>
public sealed class ConsortiumLab : IDisposable
{
    private readonly string _prefix;
    private readonly List<string> _namespaces = [];
    private readonly List<string> _hostFiles = [];
    private readonly Dictionary<string, int> _index = [];
    private readonly List<PartyProcess> _processes = [];

    public const string Chain = "chain";

    private ConsortiumLab(bool namespaces, IReadOnlyList<string> parties)
    {
        Namespaces = namespaces;
        // Short and unique per run: interface names are at most 15 characters.
        _prefix = $"fc{Environment.ProcessId % 10000}";
        for (var i = 0; i < parties.Count; i++) _index[parties[i]] = i + 1;
        _index[Chain] = 0;
    }

    /// <summary>True: parties in network namespaces on 198.18.0.0/24; false: loopback.</summary>
    public bool Namespaces { get; }

    public string Mode => Namespaces ? "network namespaces joined by veth links on 198.18.0.0/24" : "loopback (no root or no `ip netns`)";

    public static async Task<ConsortiumLab> CreateAsync(IReadOnlyList<string> parties)
    {
        var lab = new ConsortiumLab(await NamespacesWorkAsync(), parties);
        try
        {
            if (lab.Namespaces) await lab.BuildNetworkAsync();
        }
        catch
        {
            lab.Dispose();
            throw;
        }

        return lab;
    }

    /// <summary>The address other parties reach <paramref name="party"/> at.</summary>
    public string Address(string party) => Namespaces ? $"198.18.0.{(_index[party] == 0 ? 1 : 10 + _index[party])}" : "127.0.0.1";

    /// <summary>A host name for <paramref name="party"/> (in namespace mode, from every namespace's /etc/hosts), else its address.</summary>
    public string Host(string party) => Namespaces ? $"{party}.fedchain.test" : "127.0.0.1";

    /// <summary>A port for <paramref name="party"/>'s service: fixed in its own namespace, distinct on loopback.</summary>
    public int Port(string party, int basePort) => Namespaces ? basePort : basePort + 10 * _index[party] + Environment.ProcessId % 7 * 100;

    /// <summary>Runs one `fedchain` command as <paramref name="party"/>, in its namespace and folder, to completion.</summary>
    public async Task<ProcessResult> RunAsync(string party, string folder, TimeSpan timeout, params string[] arguments)
    {
        var (file, args) = Command(party, arguments);
        return await ProcessRun.RunAsync(file, args, workingDirectory: folder, timeout: timeout);
    }

    /// <summary>Starts a long-running `fedchain` command (a node, the chain) as <paramref name="party"/>.</summary>
    public PartyProcess Start(string party, string folder, string logFile, params string[] arguments)
    {
        var (file, args) = Command(party, arguments);
        var process = PartyProcess.Start(party, file, args, folder, logFile);
        _processes.Add(process);
        return process;
    }

    private (string File, string[] Args) Command(string party, string[] arguments)
    {
        string[] fedchain = ["dotnet", FedchainDll, .. arguments];
        return Namespaces ? ("ip", ["netns", "exec", NamespaceOf(party), .. fedchain]) : (fedchain[0], fedchain[1..]);
    }

    private static string FedchainDll => Path.Combine(Path.GetDirectoryName(typeof(Demo.FedChainExecutable).Assembly.Location)!, "fedchain.dll");

    private string NamespaceOf(string party) => $"{_prefix}-{party}";

    private async Task BuildNetworkAsync()
    {
        var hub = NamespaceOf(Chain);
        var hosts = string.Join("\n", _index.Keys.Select(p => $"{Address(p)} {Host(p)}")) + "\n127.0.0.1 localhost\n";
        foreach (var party in _index.Keys)
        {
            var ns = NamespaceOf(party);
            await Ip("netns", "add", ns);
            _namespaces.Add(ns);
            // `ip netns exec` bind-mounts /etc/netns/NAME/hosts over /etc/hosts inside the namespace.
            var etc = Path.Combine("/etc/netns", ns);
            Directory.CreateDirectory(etc);
            _hostFiles.Add(etc);
            await File.WriteAllTextAsync(Path.Combine(etc, "hosts"), hosts);
            await Ip("-n", ns, "link", "set", "lo", "up");
        }

        await Ip("-n", hub, "link", "add", "br0", "type", "bridge");
        await Ip("-n", hub, "addr", "add", $"{Address(Chain)}/24", "dev", "br0");
        await Ip("-n", hub, "link", "set", "br0", "up");
        foreach (var party in _index.Keys.Where(p => p != Chain))
        {
            var ns = NamespaceOf(party);
            var outer = $"v{_prefix[2..]}-{_index[party]}";
            await Ip("link", "add", outer, "type", "veth", "peer", "name", "eth0", "netns", ns);
            await Ip("link", "set", outer, "netns", hub);
            await Ip("-n", hub, "link", "set", outer, "master", "br0");
            await Ip("-n", hub, "link", "set", outer, "up");
            await Ip("-n", ns, "addr", "add", $"{Address(party)}/24", "dev", "eth0");
            await Ip("-n", ns, "link", "set", "eth0", "up");
        }
    }

    private static async Task Ip(params string[] args)
    {
        var result = await ProcessRun.RunAsync("ip", args, timeout: TimeSpan.FromSeconds(30));
        if (result.ExitCode != 0) throw new InvalidOperationException($"ip {string.Join(' ', args)}: {result.StdErr.Trim()}");
    }

    private static async Task<bool> NamespacesWorkAsync()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root") return false;
        var probe = $"fcprobe{Environment.ProcessId}";
        try
        {
            if ((await ProcessRun.RunAsync("ip", ["netns", "add", probe], timeout: TimeSpan.FromSeconds(10))).ExitCode != 0) return false;
            return (await ProcessRun.RunAsync("ip", ["netns", "exec", probe, "true"], timeout: TimeSpan.FromSeconds(10))).ExitCode == 0;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or TimeoutException)
        {
            return false;
        }
        finally
        {
            await ProcessRun.RunAsync("ip", ["netns", "del", probe], timeout: TimeSpan.FromSeconds(10));
        }
    }

    public void Dispose()
    {
        foreach (var process in _processes) process.Dispose();
        // Deleting a namespace removes its interfaces, so the veth pairs and the bridge go with them.
        foreach (var ns in _namespaces) Process.Start("ip", ["netns", "del", ns])?.WaitForExit(10_000);
        foreach (var etc in _hostFiles)
        {
            if (Directory.Exists(etc)) Directory.Delete(etc, recursive: true);
        }
    }
}
