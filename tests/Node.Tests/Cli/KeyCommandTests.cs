using System.CommandLine;
using FedChain.Node.Cli;
using FedChain.Node.Identity;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Cli;

public sealed class KeyCommandTests
{
    [Fact]
    public void New_WritesAPrivateKeystoreAndPassphraseAndPrintsTheAddressThatShowReads()
    {
        using var dir = new TempDirectory();

        var made = Run("key", "new", "--out", dir.File("key.json"), "--passphrase-file", dir.File("pass.txt"), "--light");
        var shown = Run("key", "show", "--keystore", dir.File("key.json"), "--passphrase-file", dir.File("pass.txt"));

        Assert.Equal(0, made.ExitCode);
        Assert.True(NodeAddress.TryParse(made.Output.Trim(), out var address));
        Assert.Equal(address.ToString(), shown.Output.Trim());
        Assert.False(PrivateFile.IsExposed(dir.File("key.json")));
        Assert.False(PrivateFile.IsExposed(dir.File("pass.txt")));
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(dir.File("key.json")) == (UnixFileMode.UserRead | UnixFileMode.UserWrite));
    }

    [Fact]
    public void New_ExistingKeystore_RefusesWithoutForce()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("key.json"), "{}");

        var sut = Run("key", "new", "--out", dir.File("key.json"), "--passphrase-file", dir.File("pass.txt"), "--light");

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("--force", sut.Error, StringComparison.Ordinal);
        Assert.Equal("{}", File.ReadAllText(dir.File("key.json")));
    }

    [Fact]
    public void Show_WrongPassphrase_ExitsTwoNamingTheFile()
    {
        using var dir = new TempDirectory();
        Run("key", "new", "--out", dir.File("key.json"), "--passphrase-file", dir.File("pass.txt"), "--light");
        File.WriteAllText(dir.File("wrong.txt"), "not it");

        var sut = Run("key", "show", "--keystore", dir.File("key.json"), "--passphrase-file", dir.File("wrong.txt"));

        Assert.Equal(2, sut.ExitCode);
        Assert.Contains("key.json", sut.Error, StringComparison.Ordinal);
        Assert.Contains("passphrase", sut.Error, StringComparison.Ordinal);
    }

    internal static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = FedChainCommandLine.Build().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (exit, output.ToString(), error.ToString());
    }
}
