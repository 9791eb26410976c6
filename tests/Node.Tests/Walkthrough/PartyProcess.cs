using System.Diagnostics;

namespace FedChain.Node.Tests.Walkthrough;

/// <summary>A long-running `fedchain` process of one party (a node, the chain): its output lines, awaitable; SIGKILL on dispose.</summary>
public sealed class PartyProcess : IDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly List<string> _lines = [];
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Done)> _waiters = [];
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource<int> _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private PartyProcess(string party, Process process, StreamWriter log)
    {
        Party = party;
        _process = process;
        _log = log;
    }

    public string Party { get; }

    public Task<int> Exited => _exited.Task;

    public static PartyProcess Start(string party, string file, IEnumerable<string> args, string folder, string logFile)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var party_ = new PartyProcess(party, process, log);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) party_.OnLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) party_.OnLine(e.Data); };
        process.Exited += (_, _) =>
        {
            process.WaitForExit();
            party_._exited.TrySetResult(process.ExitCode);
            party_.OnLine($"(exited with code {process.ExitCode})");
        };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return party_;
    }

    private void OnLine(string line)
    {
        lock (_lock)
        {
            _log.WriteLine(line);
            _lines.Add(line);
            foreach (var (match, done) in _waiters.Where(w => w.Match(line)).ToList()) done.TrySetResult(line);
        }
    }

    /// <summary>The first line (seen or to come) that <paramref name="match"/> accepts; fails when the process exits first or the time is up.</summary>
    public async Task<string> WaitForLineAsync(Func<string, bool> match, string what, TimeSpan timeout)
    {
        var done = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_lock)
        {
            if (_lines.FirstOrDefault(match) is { } seen) return seen;
            _waiters.Add((match, done));
        }

        var first = await Task.WhenAny(done.Task, _exited.Task, Task.Delay(timeout));
        if (first == done.Task) return await done.Task;
        lock (_lock)
        {
            throw new TimeoutException($"{Party}: no line '{what}' {(first == _exited.Task ? $"before it exited with code {_exited.Task.Result}" : $"within {timeout}")}; last lines:\n{string.Join("\n", _lines.TakeLast(15))}");
        }
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // never started or already gone
        }

        _process.Dispose();
        lock (_lock) _log.Dispose();
    }
}
