using FedChain.Node.Identity;
using FedChain.TestSupport;

namespace FedChain.Node.Tests.Identity;

public sealed class NodeKeystoreTests
{
    [Fact]
    public void Load_SavedKeystore_GivesTheSameKey()
    {
        using var folder = new TempDirectory();
        using var key = NodeKey.Generate();
        var path = folder.File("node.json");

        NodeKeystore.Save(path, key, "correct horse", NodeKeystore.Light);
        using var sut = NodeKeystore.Load(path, "correct horse");

        Assert.Equal(key.Address, sut.Address);
        Assert.Contains("\"crypto\"", File.ReadAllText(path), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_WrongPassphrase_NamesTheFile()
    {
        using var folder = new TempDirectory();
        using var key = NodeKey.Generate();
        var path = folder.File("node.json");
        NodeKeystore.Save(path, key, "right", NodeKeystore.Light);

        var error = Assert.Throws<InvalidDataException>(() => NodeKeystore.Load(path, "wrong"));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("passphrase", error.Message, StringComparison.Ordinal);
    }
}
