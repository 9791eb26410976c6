using System.Text.Json;
using FedChain.Node.Demo;
using FedChain.Node.Tests.Cli;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Status;

/// <summary>A running `fedchain node` serves its status page, /status.json and Prometheus /metrics on loopback; `fedchain status` prints the same.</summary>
[Collection(ConsortiumCollection.Name)]
public sealed class StatusServerTests
{
    [Fact]
    public async Task Node_ServesItsStatusAndMetricsOverHttp_OnLoopback()
    {
        using var dir = new TempDirectory();
        await using var consortium = await LocalConsortium.CreateAsync(dir.Path, HeartConsortium.Sites.Take(2).ToList(), founders: 2, HeartConsortium.SchemaFile);
        var member = consortium.Members[0];
        var ready = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var node = NodeProcess.Start(member, (_, s) => { if (s.Event == "ready") ready.TrySetResult(); });
        await Task.WhenAny(ready.Task, node.Exited).WaitAsync(TimeSpan.FromMinutes(2));
        Assert.True(ready.Task.IsCompleted, $"the node did not get ready; see {node.LogFile}");

        var url = new Uri(File.ReadAllText(Path.Combine(member.Directory, "state", "status.url")).Trim());
        using var http = new HttpClient();
        var page = await http.GetStringAsync(url);
        var json = await http.GetStringAsync(new Uri(url, "/status.json"));
        var metrics = await http.GetStringAsync(new Uri(url, "/metrics"));
        var printed = KeyCommandTests.Run("status", "--config", member.ConfigFile);

        Assert.Equal("127.0.0.1", url.Host);
        Assert.Contains(member.Site, page, StringComparison.Ordinal);
        Assert.Contains(consortium.Members[1].Site, page, StringComparison.Ordinal);
        Assert.Contains("penalty score", page, StringComparison.Ordinal);
        using var status = JsonDocument.Parse(json);
        Assert.Equal(member.Address, status.RootElement.GetProperty("address").GetString());
        Assert.True(status.RootElement.GetProperty("chain").GetProperty("height").GetUInt64() > 0);
        Assert.Equal(consortium.Members[1].Address, status.RootElement.GetProperty("peers")[0].GetProperty("address").GetString());
        Assert.Contains("fedchain_chain_height ", metrics, StringComparison.Ordinal);
        Assert.Contains("fedchain_chain_lag_blocks ", metrics, StringComparison.Ordinal);
        Assert.Contains($"fedchain_peer_score{{peer=\"{consortium.Members[1].Address}\",name=\"{consortium.Members[1].Site}\"}} 0", metrics, StringComparison.Ordinal);
        Assert.Contains("fedchain_blob_store_bytes ", metrics, StringComparison.Ordinal);
        Assert.Equal(0, printed.ExitCode);
        Assert.Contains($"peer {consortium.Members[1].Site} {consortium.Members[1].Address}", printed.Output, StringComparison.Ordinal);
        Assert.Contains("chain 31337", printed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Status_NoServer_ExitsTwoSayingSo()
    {
        var sut = KeyCommandTests.Run("status", "--url", "http://127.0.0.1:9");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("no node status at", sut.Error, StringComparison.Ordinal);
    }
}
