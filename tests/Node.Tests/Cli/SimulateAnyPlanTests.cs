using System.Text.Json.Nodes;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

/// <summary>`fedchain simulate --plan FILE` runs any plan on any dataset folder, FLamby protocol or not.</summary>
[Collection(ConsoleCollection.Name)]
public sealed class SimulateAnyPlanTests
{
    [Fact]
    public void Simulate_PlanForADatasetWithoutAFlambyProtocol_Runs()
    {
        using var dir = new TempDirectory();
        var data = ClinicDataset(dir);
        var init = KeyCommandTests.Run("plan", "init", "--schema", Path.Combine(data, "schema.json"), "--out", dir.File("plan.json"), "--rounds", "2");

        var sut = KeyCommandTests.Run("simulate", "--plan", dir.File("plan.json"), "--data", data, "--out", dir.File("out"));
        var withoutPlan = KeyCommandTests.Run("simulate", "--dataset", "clinic-x", "--data", data, "--out", dir.File("out2"));

        Assert.Equal(0, init.ExitCode);
        Assert.Equal(0, sut.ExitCode);
        Assert.True(File.Exists(dir.File("out/simulation.json")));
        Assert.Equal(init.Output.Trim(), JsonNode.Parse(File.ReadAllText(dir.File("out/simulation.json")))!["planHash"]!.GetValue<string>());
        Assert.Equal(2, withoutPlan.ExitCode);
    }

    /// <summary>The heart-disease files under a schema FedChain has no benchmark protocol for.</summary>
    private static string ClinicDataset(TempDirectory dir)
    {
        var folder = Directory.CreateDirectory(dir.File("clinic-x")).FullName;
        var schema = JsonNode.Parse(File.ReadAllText(HeartConsortium.SchemaFile))!;
        schema["name"] = "clinic-x";
        File.WriteAllText(Path.Combine(folder, "schema.json"), schema.ToJsonString());
        foreach (var file in Directory.EnumerateFiles(HeartConsortium.Folder, "processed.*").Concat(Directory.EnumerateFiles(HeartConsortium.Folder, "*.mapping.json"))) File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        File.Copy(Path.Combine(HeartConsortium.Folder, "sites.json"), Path.Combine(folder, "sites.json"));
        return folder;
    }
}
