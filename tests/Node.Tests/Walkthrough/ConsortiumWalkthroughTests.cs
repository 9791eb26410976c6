using System.Globalization;
using System.Text.Json;
using FedChain.Node.Agent;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;
using Xunit.Abstractions;

namespace FedChain.Node.Tests.Walkthrough;

/// <summary>
/// docs/operations.md as a test: four hospitals and an auditor, each a separate OS process holding
/// only its own keystore (the auditor none), each doing its whole job with `fedchain` commands, on
/// anvil with one block a second and no clock warps: deploy, admit the fourth by vote, propose a plan
/// that each site approves locally, train, release by vote, audit, fetch the model and predict.
/// In namespace mode each party lives in its own network namespace and reaches the others by name.
/// </summary>
[Collection(ConsortiumCollection.Name)]
public sealed class ConsortiumWalkthroughTests(ITestOutputHelper output)
{
    private static readonly string[] Founders = ["cleveland", "hungary", "switzerland"];
    private const string Newcomer = "va";
    private const string Auditor = "auditor";
    private static readonly TimeSpan Step = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Consortium_FromNothingToAReleasedModel_EveryRoleWithItsOwnKeyThroughTheCli()
    {
        var started = TimeProvider.System.GetTimestamp();
        string[] hospitals = [.. Founders, Newcomer];
        using var dir = new TempDirectory();
        using var lab = await ConsortiumLab.CreateAsync([.. hospitals, Auditor]);
        output.WriteLine($"mode: {lab.Mode}");
        var folders = hospitals.Append(Auditor).Append(ConsortiumLab.Chain).ToDictionary(p => p, p => Directory.CreateDirectory(Path.Combine(dir.Path, p)).FullName);
        var sites = HeartConsortium.Sites.ToDictionary(s => s.Site);

        // Each institution makes its own key; nobody else ever reads it.
        var keys = await Task.WhenAll(hospitals.Select(h => Ok(lab.RunAsync(h, folders[h], Step, "key", "new", "--out", "key.json", "--passphrase-file", "passphrase.txt", "--light"))));
        var address = hospitals.Zip(keys).ToDictionary(x => x.First, x => x.Second.StdOut.Trim());
        foreach (var file in hospitals.SelectMany(h => new[] { "key.json", "passphrase.txt" }.Select(f => Path.Combine(folders[h], f)))) Assert.False(FedChain.Node.Identity.PrivateFile.IsExposed(file), $"{file} is readable by others");

        // 1. The operator deploys the contracts on a chain with a block every second, with the three founders.
        // 30 s votes: on a loaded machine a voter's process can take many seconds to start, and a 12 s period once closed before the last vote landed.
        File.WriteAllText(Path.Combine(folders[ConsortiumLab.Chain], "founders.json"), JsonSerializer.Serialize(new
        {
            members = Founders.Select(f => new { name = f, address = address[f], endpoint = $"{lab.Host(f)}:{lab.Port(f, 7001)}", role = "member" }),
        }));
        var chainPort = lab.Port(ConsortiumLab.Chain, 8545);
        var chain = lab.Start(ConsortiumLab.Chain, folders[ConsortiumLab.Chain], Path.Combine(dir.Path, "chain.log"),
            "chain", "up", "--host", lab.Address(ConsortiumLab.Chain), "--port", chainPort.ToString(CultureInfo.InvariantCulture), "--block-time", "1",
            "--consortium", "founders.json", "--out", "addresses.json", "--voting-delay", "1", "--voting-period", "30", "--fund-ether", "10");
        await chain.WaitForLineAsync(l => l.Contains("anvil is running", StringComparison.Ordinal), "anvil is running", Step);
        var addresses = Path.Combine(folders[ConsortiumLab.Chain], "addresses.json");
        foreach (var party in folders.Keys.Where(p => p != ConsortiumLab.Chain)) File.Copy(addresses, Path.Combine(folders[party], "addresses.json"));
        var rpc = $"http://{lab.Host(ConsortiumLab.Chain)}:{chainPort}";

        foreach (var h in hospitals) WriteConfig(lab, folders[h], h, sites[h], rpc);
        var nodes = Founders.ToDictionary(f => f, f => StartNode(lab, folders, dir.Path, f));
        await Task.WhenAll(nodes.Values.Select(n => n.WaitForLineAsync(IsStatus("ready"), "ready", Step)));

        // 2. The three founders vote, each with its own key, to admit the fourth.
        var admit = Id(await Ok(Fedchain(lab, folders, Founders[0], "gov", "propose", "admit", "--address", address[Newcomer], "--name", Newcomer,
            "--endpoint", $"{lab.Host(Newcomer)}:{lab.Port(Newcomer, 7001)}", "--config", "node.json")));
        var outsider = await Fedchain(lab, folders, Newcomer, "gov", "vote", admit, "for", "--config", "node.json");
        await Task.WhenAll(Founders.Select(f => Ok(Fedchain(lab, folders, f, "gov", "vote", admit, "for", "--reason", $"{f} agrees", "--wait", "--config", "node.json"))));
        var twice = await Fedchain(lab, folders, Founders[2], "gov", "vote", admit, "against", "--config", "node.json");
        await Ok(Fedchain(lab, folders, Founders[0], "gov", "execute", admit, "--wait", "--config", "node.json"));
        var shown = await Ok(Fedchain(lab, folders, Auditor, "gov", "show", admit, "--json", "--addresses", "addresses.json"));
        using (var view = JsonDocument.Parse(shown.StdOut))
        {
            Assert.Equal("executed", view.RootElement.GetProperty("state").GetString());
            Assert.Equal(3, view.RootElement.GetProperty("votesFor").GetInt64());
        }

        Assert.Equal(2, outsider.ExitCode);
        Assert.Contains("not a member", outsider.StdErr, StringComparison.Ordinal);
        Assert.Equal(2, twice.ExitCode);
        Assert.Contains("already voted", twice.StdErr, StringComparison.Ordinal);
        nodes[Newcomer] = StartNode(lab, folders, dir.Path, Newcomer);
        await nodes[Newcomer].WaitForLineAsync(IsStatus("ready"), "ready", Step);

        // 3. A member writes and checks a plan and proposes it; each site reviews it and approves it locally.
        var plan = await Ok(Fedchain(lab, folders, Founders[0], "plan", "init", "--schema", HeartConsortium.SchemaFile, "--out", "plan.json",
            "--rounds", "2", "--strategy", "fed-adam", "--server-lr", "0.01", "--commit-window", "40", "--enrolment-window", "180"));
        var planHash = plan.StdOut.Trim();
        var check = await Ok(Fedchain(lab, folders, Founders[0], "plan", "check", "plan.json", "--data", sites[Founders[0]].File, "--mapping", sites[Founders[0]].Mapping!, "--site", Founders[0]));
        Assert.Contains("gas", check.StdOut, StringComparison.Ordinal);
        var start = Id(await Ok(Fedchain(lab, folders, Founders[0], "gov", "propose", "start-plan", "--plan", "plan.json", "--config", "node.json")));
        await Task.WhenAll(hospitals.Select(h => Ok(Fedchain(lab, folders, h, "plan", "approve", planHash, "--by", $"{h} data steward", "--config", "node.json"))));
        await Task.WhenAll(hospitals.Select(h => Ok(Fedchain(lab, folders, h, "gov", "vote", start, "for", "--wait", "--config", "node.json"))));

        // 4. The vote passes and the nodes train.
        await Ok(Fedchain(lab, folders, Founders[1], "gov", "execute", start, "--wait", "--config", "node.json"));
        await nodes[Founders[1]].WaitForLineAsync(IsStatus("round"), "a round aggregated", Step);
        var status = await Ok(Fedchain(lab, folders, Founders[1], "status", "--config", "node.json"));
        Assert.Contains("plan 1", status.StdOut, StringComparison.Ordinal);
        Assert.Contains("connected", status.StdOut, StringComparison.Ordinal);
        await Task.WhenAll(nodes.Values.Select(n => n.WaitForLineAsync(IsStatus("done"), "done", Step)));
        var hashes = hospitals.Select(h => JsonDocument.Parse(File.ReadAllText(Path.Combine(folders[h], "state", "plans", "1", "result.json"))).RootElement.GetProperty("finalModelHash").GetString()).ToList();
        Assert.Single(hashes.Distinct());

        // 5. A member proposes the release (its evaluation report built from the pinned evaluations); the vote passes.
        var release = Id(await Ok(Fedchain(lab, folders, Founders[2], "gov", "propose", "release", "--plan", "1", "--config", "node.json")));
        var review = await Ok(Fedchain(lab, folders, Newcomer, "gov", "show", release, "--config", "node.json"));
        Assert.Contains("checked", review.StdOut, StringComparison.Ordinal);
        await Task.WhenAll(hospitals.Select(h => Ok(Fedchain(lab, folders, h, "gov", "vote", release, "for", "--wait", "--config", "node.json"))));
        await Ok(Fedchain(lab, folders, Founders[2], "gov", "execute", release, "--wait", "--config", "node.json"));

        // 6. The auditor, holding no key, audits the chain against the blobs a member exported to it.
        CopyFolder(Path.Combine(folders[Founders[0]], "blobs"), Path.Combine(folders[Auditor], "blobs"));
        var audit = await Ok(Fedchain(lab, folders, Auditor, "audit", "--addresses", "addresses.json", "--rpc", rpc, "--blobs", "blobs"));
        Assert.Contains("audit passed", audit.StdOut, StringComparison.Ordinal);

        // 7. A hospital fetches the released model from its own node's state and predicts on new rows; the auditor recomputes the same model.
        var fetched = await Ok(Fedchain(lab, folders, Founders[1], "model", "fetch", "--plan", "1", "--out", "model", "--config", "node.json"));
        var recomputed = await Ok(Fedchain(lab, folders, Auditor, "model", "fetch", "--plan", "1", "--out", "model", "--addresses", "addresses.json", "--blobs", "blobs"));
        Assert.Equal(hashes[0], fetched.StdOut.Trim());
        Assert.Equal(hashes[0], recomputed.StdOut.Trim());
        File.WriteAllLines(Path.Combine(folders[Founders[1]], "new-patients.csv"), File.ReadLines(sites[Founders[1]].File).Take(20).Select(l => l[..l.LastIndexOf(',')] + ",?"));
        await Ok(Fedchain(lab, folders, Founders[1], "model", "predict", "--model", "model", "--data", "new-patients.csv", "--mapping", sites[Founders[1]].Mapping!, "--out", "predictions.csv"));
        var predictions = File.ReadAllLines(Path.Combine(folders[Founders[1]], "predictions.csv"));
        Assert.Equal(21, predictions.Length);
        Assert.True(File.Exists(Path.Combine(folders[Founders[1]], "predictions.csv.validation.json")));
        Assert.True(File.Exists(Path.Combine(folders[Founders[1]], "model", "model.onnx")));

        var seconds = TimeProvider.System.GetElapsedTime(started).TotalSeconds;
        output.WriteLine($"walkthrough: {lab.Mode}; {seconds:F0} s wall time");
    }

    private static Task<FedChain.TestSupport.ProcessResult> Fedchain(ConsortiumLab lab, Dictionary<string, string> folders, string party, params string[] args) =>
        lab.RunAsync(party, folders[party], Step, args);

    private static async Task<FedChain.TestSupport.ProcessResult> Ok(Task<FedChain.TestSupport.ProcessResult> run)
    {
        var result = await run;
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\nstdout: {result.StdOut}\nstderr: {result.StdErr}");
        return result;
    }

    private static string Id(FedChain.TestSupport.ProcessResult proposed) => proposed.StdOut.Trim().Split('\n')[^1].Trim();

    private static Func<string, bool> IsStatus(string @event) => line => StatusReporter.Parse(line) is { } s && s.Event == @event;

    private static PartyProcess StartNode(ConsortiumLab lab, Dictionary<string, string> folders, string dir, string hospital) =>
        lab.Start(hospital, folders[hospital], Path.Combine(dir, $"{hospital}-node.log"), "node", "--config", "node.json", "--status-lines", "--exit-when-done");

    private static void WriteConfig(ConsortiumLab lab, string folder, string site, FedChain.Learning.Data.Ingestion.SiteSource data, string rpc) =>
        File.WriteAllText(Path.Combine(folder, "node.json"), new NodeConfig
        {
            Keystore = "key.json",
            PassphraseFile = "passphrase.txt",
            Site = site,
            Data = data.File,
            Mapping = data.Mapping,
            Schema = HeartConsortium.SchemaFile,
            Addresses = "addresses.json",
            Rpc = rpc,
            Listen = lab.Namespaces ? $"0.0.0.0:{lab.Port(site, 7001)}" : $"127.0.0.1:{lab.Port(site, 7001)}",
            Advertise = $"{lab.Host(site)}:{lab.Port(site, 7001)}",
            StateDirectory = "state",
            ExportBlobs = "blobs",
        }.ToJson());

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
