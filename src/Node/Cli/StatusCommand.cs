using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using FedChain.Node.Agent;
using FedChain.Node.Status;

namespace FedChain.Node.Cli;

/// <summary>`fedchain status [--url URL | --config FILE]`: a running node's status page, in the terminal.</summary>
internal static class StatusCommand
{
    public static Command Build()
    {
        var url = UriOption.Create("--url", "The node's status server (as its log and state/status.url say), e.g. http://127.0.0.1:7100.");
        var config = new Option<FileInfo?>("--config") { Description = "The node's config: its state/status.url names the server." };
        var json = new Option<bool>("--json") { Description = "Print the status as JSON." };
        var command = new Command("status", "Show a running node's plans (round, phase, consent), peers and their scores, chain height and lag, privacy spent, last commits, blob store, recent errors.")
        {
            url, config, json,
        };
        command.SetAction((parse, ct) => InputErrors.GuardAsync(parse, async () =>
        {
            var server = parse.GetValue(url) ?? FromConfig(parse.GetValue(config));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            string body;
            try
            {
                body = await http.GetStringAsync(new Uri(server, "/status.json"), ct);
            }
            catch (HttpRequestException e)
            {
                throw new InvalidDataException($"no node status at {server}: {e.Message}", e);
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(body);
                return 0;
            }

            var status = JsonSerializer.Deserialize<StatusSnapshot>(body, StatusReporter.Json) ?? throw new InvalidDataException($"{server}/status.json is empty");
            foreach (var line in Lines(status)) output.WriteLine(line);
            return 0;
        }));
        return command;
    }

    private static Uri FromConfig(FileInfo? file)
    {
        if (file is null) throw new ArgumentException("give --url (the node's status server) or --config (the node's config)");
        var config = NodeConfig.Load(file.FullName);
        var path = Path.Combine(config.Resolve(config.StateDirectory), StatusServer.UrlFile);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} does not exist: is the node running, with a statusListen in its config?", path);
        return new Uri(File.ReadAllText(path).Trim());
    }

    public static IEnumerable<string> Lines(StatusSnapshot s)
    {
        var inv = CultureInfo.InvariantCulture;
        yield return $"{s.Site} {s.Address}, peers at {s.Endpoint}";
        yield return string.Create(inv, $"chain {s.Chain.ChainId} at {s.Chain.Rpc}: height {s.Chain.Height}, applied through {s.Chain.AppliedThrough} (lag {s.Chain.Lag} blocks, {s.Chain.Confirmations} confirmations)");
        foreach (var p in s.Plans)
            yield return string.Create(inv, $"plan {p.PlanId} ({p.PlanHash[..12]}) {p.Status}: round {p.Round?.ToString(inv) ?? "-"}/{p.ChainRounds - 1}, {p.Phase ?? "-"}{(p.Consent is null ? "" : $", {p.Consent}")}, epsilon {p.EpsilonSpent:G4} of {p.EpsilonBudget:G4}{(p.ModelHash is null ? "" : $", model {p.ModelHash[..12]}")}");
        foreach (var p in s.Peers)
            yield return string.Create(inv, $"peer {p.Name ?? "?"} {p.Address}: {(p.Connected ? "connected" : "not connected")}, score {p.Score:G4}{(p.Banned ? ", banned" : "")}");
        foreach (var c in s.LastCommits) yield return $"commit plan {c.PlanId} round {c.Round}: blob {c.BlobHash[..12]}, {c.SampleCount} samples";
        yield return string.Create(inv, $"blob store: {s.BlobStore.Blobs} blobs, {s.BlobStore.Bytes:N0} bytes");
        foreach (var e in s.RecentErrors) yield return $"error {DateTimeOffset.FromUnixTimeMilliseconds(e.At):u} plan {e.PlanId ?? "-"}: {e.Detail}";
        if (s.RecentErrors.Count == 0) yield return "no recent errors";
    }
}
