using System.Numerics;
using FedChain.Contracts;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Membership;
using FedChain.Node.Cli;
using FedChain.TestSupport;
using Nethereum.Web3.Accounts;

namespace FedChain.Node.Tests.Cli;

public sealed class ChainCommandTests(AnvilFixture chain) : IClassFixture<AnvilFixture>, IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>A fresh account no one has funded.</summary>
    private const string NewHospital = "0x00000000000000000000000000000000000A11CE";

    private string Dev(int account) => new Account(chain.Anvil.DevPrivateKeys[account]).Address;

    private string ConsortiumFile(params (string Address, string Name, string Role)[] members)
    {
        var path = _dir.File($"consortium-{Guid.NewGuid():N}.json");
        var items = members.Select((m, i) => $$"""{"name": "{{m.Name}}", "address": "{{m.Address}}", "endpoint": "127.0.0.1:{{7001 + i}}", "role": "{{m.Role}}"}""");
        File.WriteAllText(path, $$"""{"members": [{{string.Join(",", items)}}]}""");
        return path;
    }

    [Fact]
    public async Task Deploy_OnAnEndpoint_BootstrapsTheFoundersAndWritesTheAddresses()
    {
        var keyFile = _dir.File("deployer.key");
        await File.WriteAllTextAsync(keyFile, chain.Anvil.DevPrivateKeys[0]);
        var consortium = ConsortiumFile((Dev(1), "Cleveland", "member"), (Dev(2), "Hungary", "member"), (Dev(3), "Watchdog", "auditor"));
        var output = _dir.File("deploy/addresses.json");

        var exit = await FedChainCommandLine.Build().Parse(["chain", "deploy", "--rpc", chain.Anvil.RpcUrl.ToString(), "--key-file", keyFile, "--consortium", consortium, "--out", output]).InvokeAsync();

        Assert.Equal(0, exit);
        var addresses = ConsortiumAddresses.Read(output);
        Assert.Equal(AnvilProcess.ChainId, addresses.ChainId);
        using var client = new ChainClient(new Uri(addresses.RpcUrl), null, addresses.ChainId);
        var members = await new Consortium(client, addresses).Membership.MembersAsync();
        Assert.Equal(["Cleveland", "Hungary", "Watchdog"], members.Select(m => m.Name));
        Assert.Equal([MemberRole.Member, MemberRole.Member, MemberRole.Auditor], members.Select(m => m.Role));
    }

    [Fact]
    public async Task Deploy_WithAKeystore_DeploysFromItsAccount()
    {
        var key = Convert.FromHexString(chain.Anvil.DevPrivateKeys[6][2..]);
        var keystore = new Nethereum.KeyStore.KeyStorePbkdf2Service().EncryptAndGenerateKeyStoreAsJson(
            "correct horse", key, Dev(6), new Nethereum.KeyStore.Model.Pbkdf2Params { Count = 1024, Dklen = 32, Prf = "hmac-sha256" });
        var keyFile = _dir.File("deployer.json");
        var passphraseFile = _dir.File("passphrase.txt");
        await File.WriteAllTextAsync(keyFile, keystore);
        await File.WriteAllTextAsync(passphraseFile, "correct horse\n");
        var output = _dir.File("keystore/addresses.json");

        var exit = await FedChainCommandLine.Build().Parse(["chain", "deploy", "--rpc", chain.Anvil.RpcUrl.ToString(), "--key-file", keyFile,
            "--passphrase-file", passphraseFile, "--consortium", ConsortiumFile((Dev(1), "Cleveland", "member")), "--out", output]).InvokeAsync();

        Assert.Equal(0, exit);
        using var client = new ChainClient(chain.Anvil.RpcUrl, null, AnvilProcess.ChainId);
        var registry = ConsortiumAddresses.Read(output).MembershipRegistry;
        var created = await client.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(
            (await client.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(new Nethereum.Hex.HexTypes.HexBigInteger(ConsortiumAddresses.Read(output).DeploymentBlock))).TransactionHashes.Single());
        Assert.Equal(Dev(6).ToLowerInvariant(), created.From.ToLowerInvariant());
        Assert.NotEmpty(registry);
    }

    [Fact]
    public async Task Deploy_WithABadConsortiumFile_FailsWithoutWriting()
    {
        var keyFile = _dir.File("deployer.key");
        await File.WriteAllTextAsync(keyFile, chain.Anvil.DevPrivateKeys[0]);
        var consortium = _dir.File("bad.json");
        await File.WriteAllTextAsync(consortium, """{"members": [{"name": "A", "address": "0x1234", "role": "member"}]}""");
        var output = _dir.File("never.json");

        var exit = await FedChainCommandLine.Build().Parse(["chain", "deploy", "--rpc", chain.Anvil.RpcUrl.ToString(), "--key-file", keyFile, "--consortium", consortium, "--out", output]).InvokeAsync();

        Assert.Equal(2, exit);
        Assert.False(File.Exists(output));
    }

    [Fact]
    public async Task Up_StartsAChainWithTheConsortiumUntilCancelled()
    {
        var consortium = ConsortiumFile((Dev(1), "Cleveland", "member"), (NewHospital, "Hungary", "member"));
        var output = _dir.File("up/addresses.json");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using var written = new FileSystemWatcher(Path.GetDirectoryName(output)!, "addresses.json") { EnableRaisingEvents = true };
        var ready = new TaskCompletionSource();
        written.Renamed += (_, _) => ready.TrySetResult();
        written.Created += (_, _) => ready.TrySetResult();
        using var stop = new CancellationTokenSource();

        var run = FedChainCommandLine.Build().Parse(["chain", "up", "--port", "0", "--consortium", consortium, "--out", output, "--fund-ether", "100"])
            .InvokeAsync(cancellationToken: stop.Token);
        var first = await Task.WhenAny(ready.Task, run).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(first == ready.Task, "chain up exited before writing the addresses file");

        var addresses = ConsortiumAddresses.Read(output);
        using var client = new ChainClient(new Uri(addresses.RpcUrl), null, addresses.ChainId, new ChainClientOptions { MaxAttempts = 1 });
        var sut = new Consortium(client, addresses);
        Assert.Equal(2, (await sut.Membership.MembersAsync()).Count);
        Assert.Equal(BigInteger.Pow(10, 18) * 100, await client.BalanceAsync(NewHospital));

        await stop.CancelAsync();
        Assert.Equal(0, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<ChainUnavailableException>(() => sut.Membership.MembersAsync());
    }
}
