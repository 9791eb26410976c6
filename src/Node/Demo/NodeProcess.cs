using System.Diagnostics;
using FedChain.Node.Agent;

namespace FedChain.Node.Demo;

/// <summary>
/// A `fedchain node` child process: its status lines arrive as <see cref="Status"/> events, its log
/// (stderr) goes to a file. <see cref="Kill"/> is SIGKILL, as a crash would be.
/// </summary>
public sealed class NodeProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private NodeProcess(ConsortiumMember member, Process process, StreamWriter log)
    {
        Member = member;
        _process = process;
        _log = log;
    }

    public ConsortiumMember Member { get; }

    /// <summary>Raised on a reader thread for every status line.</summary>
    public event Action<NodeProcess, NodeStatus>? Status;

    /// <summary>Completes with the exit code.</summary>
    public Task<int> Exited => _exited.Task;

    public string LogFile { get; private init; } = "";

    public static NodeProcess Start(ConsortiumMember member, Action<NodeProcess, NodeStatus>? onStatus = null)
    {
        var info = FedChainExecutable.StartInfo(["node", "--config", member.ConfigFile, "--status-lines", "--exit-when-done"]);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var logFile = Path.Combine(member.Directory, "node.log");
        var log = new StreamWriter(new FileStream(logFile, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var node = new NodeProcess(member, process, log) { LogFile = logFile };
        if (onStatus is not null) node.Status += onStatus;
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            var status = StatusReporter.Parse(e.Data);
            if (status is not null) node.Status?.Invoke(node, status);
            else node.WriteLog(e.Data);
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null) node.WriteLog(e.Data);
        };
        process.Exited += (_, _) =>
        {
            process.WaitForExit(); // drains the redirected streams
            node._exited.TrySetResult(process.ExitCode);
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>The process's resident memory now, in bytes (0 once it has exited).</summary>
    public long ResidentBytes()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? 0 : _process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>The process's proportional set size now, in bytes: its private pages plus its share of pages mapped by
    /// several processes (libtorch's and the runtime's code, loaded once for every node), so the sum over processes is
    /// the memory they take together. Linux only (/proc/PID/smaps_rollup); 0 elsewhere or once it has exited.</summary>
    public long ProportionalBytes()
    {
        try
        {
            var line = File.ReadLines($"/proc/{_process.Id}/smaps_rollup").FirstOrDefault(l => l.StartsWith("Pss:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["Pss:".Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return 0;
        }
    }

    /// <summary>Kills the process at once (SIGKILL): no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
    }

    private void WriteLog(string line)
    {
        lock (_log) _log.WriteLine(line);
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
        lock (_log) _log.Dispose();
    }
}
