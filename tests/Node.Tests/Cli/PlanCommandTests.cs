using System.Text.Json;
using FedChain.Learning.Plans;
using FedChain.Node.Consent;
using FedChain.Node.Tests.EndToEnd;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

public sealed class PlanCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args) => KeyCommandTests.Run(args);

    private static string Init(TempDirectory dir, params string[] more)
    {
        var result = Run(["plan", "init", "--schema", HeartConsortium.SchemaFile, "--out", dir.File("plan.json"), .. more]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output.Trim();
    }

    [Fact]
    public void Init_WritesACanonicalPlanWhoseHashItPrints_WithItsChainTerms()
    {
        using var dir = new TempDirectory();

        var hash = Init(dir, "--rounds", "3", "--strategy", "fed-adam", "--commit-window", "45", "--quorum", "75", "--secure-aggregation", "--members", "4");

        var plan = TrainingPlan.Parse(File.ReadAllText(dir.File("plan.json")), "plan.json");
        Assert.Equal(hash, plan.Hash);
        Assert.Equal(File.ReadAllBytes(dir.File("plan.json")), plan.CanonicalBytes());
        Assert.Equal(3, plan.Rounds);
        Assert.Equal(45u, plan.Chain!.CommitWindowSeconds);
        Assert.Equal(75, plan.Chain.QuorumPercent);
        Assert.Equal(3, plan.SecureAggregation!.Threshold);
    }

    [Fact]
    public void Init_DpWithoutDeclaredCounts_ExitsTwoSayingWhatIsMissing()
    {
        using var dir = new TempDirectory();

        var sut = Run("plan", "init", "--schema", HeartConsortium.SchemaFile, "--out", dir.File("plan.json"), "--dp-epsilon", "3");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("--declare", sut.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(dir.File("plan.json")));
    }

    [Fact]
    public void Check_WithASitesData_PrintsItsRowsAndTheCostOfThePlan()
    {
        using var dir = new TempDirectory();
        Init(dir, "--dp-epsilon", "3", "--declare", "cleveland=199", "hungary=193");

        var sut = Run("plan", "check", dir.File("plan.json"), "--data", HeartConsortium.Sites[0].File, "--mapping", HeartConsortium.Sites[0].Mapping!, "--site", "cleveland");

        Assert.Equal(0, sut.ExitCode);
        Assert.Contains("199 train and 104 test rows", sut.Output, StringComparison.Ordinal);
        Assert.Contains("planned epsilon per member cleveland 3, hungary 3", sut.Output, StringComparison.Ordinal);
        Assert.Contains("per round", sut.Output, StringComparison.Ordinal);
        Assert.Contains("gas", sut.Output, StringComparison.Ordinal);
        Assert.Contains("time: about", sut.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_DataTheSchemaRejects_ExitsTwoWithTheValidationReport()
    {
        using var dir = new TempDirectory();
        Init(dir);
        File.WriteAllText(dir.File("bad.csv"), "not,a,heart,row\n");

        var sut = Run("plan", "check", dir.File("plan.json"), "--data", dir.File("bad.csv"));

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("REJECTED", sut.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_ByHashFromABlobsFolder_DescribesThePlanInWords()
    {
        using var dir = new TempDirectory();
        var hash = Init(dir, "--contribution", "exact-shapley");
        Directory.CreateDirectory(dir.File("blobs"));
        File.Copy(dir.File("plan.json"), Path.Combine(dir.File("blobs"), hash));

        var sut = Run("plan", "show", hash, "--blobs", dir.File("blobs"));
        var missing = Run("plan", "show", new string('a', 64), "--blobs", dir.File("blobs"));

        Assert.Equal(0, sut.ExitCode);
        Assert.Contains("logistic-regression", sut.Output, StringComparison.Ordinal);
        Assert.Contains("not masked", sut.Output, StringComparison.Ordinal);
        Assert.Contains("ExactShapley", sut.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
    }

    [Fact]
    public void Approve_RecordsWhoAndWhenInTheNodesState()
    {
        using var dir = new TempDirectory();
        var hash = Init(dir);
        var config = NodeConfigFile(dir);

        var sut = Run("plan", "approve", hash, "--config", config, "--by", "data steward", "--note", "board decision 12");
        var bad = Run("plan", "approve", "1234", "--config", config);

        Assert.Equal(0, sut.ExitCode);
        var approval = Assert.Single(new ApprovalBook(dir.File("state")).All());
        Assert.Equal(hash, approval.PlanHash);
        Assert.Equal("data steward", approval.ApprovedBy);
        Assert.Equal("board decision 12", approval.Note);
        Assert.Equal(2, bad.ExitCode);
        using var json = JsonDocument.Parse(File.ReadAllText(new ApprovalBook(dir.File("state")).File));
        Assert.True(json.RootElement[0].TryGetProperty("approvedAt", out _));
    }

    /// <summary>A node config whose files exist (the approval needs only its state folder).</summary>
    internal static string NodeConfigFile(TempDirectory dir)
    {
        File.WriteAllText(dir.File("key.json"), "{}");
        File.WriteAllText(dir.File("addresses.json"), "{}");
        File.WriteAllText(dir.File("node.json"), new FedChain.Node.Agent.NodeConfig
        {
            Keystore = "key.json",
            Site = "cleveland",
            Data = HeartConsortium.Sites[0].File,
            Schema = HeartConsortium.SchemaFile,
            Addresses = "addresses.json",
            StateDirectory = "state",
        }.ToJson());
        return dir.File("node.json");
    }
}
