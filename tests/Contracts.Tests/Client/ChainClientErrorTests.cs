using System.Net;
using System.Net.Sockets;
using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Tests.Support;
using static FedChain.Contracts.Tests.Support.ConsortiumFixture;

namespace FedChain.Contracts.Tests.Client;

public sealed class ChainClientErrorTests(ConsortiumFixture fixture) : ConsortiumTests(fixture)
{
    private const string UnfundedKey = "0x1111111111111111111111111111111111111111111111111111111111111111";

    [Fact]
    public async Task Call_WhenTheEndpointIsDown_ThrowsChainUnavailableNamingItAfterRetrying()
    {
        var closedPort = ClosedLoopbackPort();
        var url = new Uri($"http://127.0.0.1:{closedPort}");
        using var sut = new ChainClient(url, null, AnvilProcess.ChainId, new ChainClientOptions { MaxAttempts = 3, InitialBackoff = TimeSpan.FromMilliseconds(1) });

        var e = await Assert.ThrowsAsync<ChainUnavailableException>(() => new Consortium(sut, Fx.Addresses).Ledger.PlanCountAsync());

        Assert.Equal(url, e.RpcUrl);
        Assert.Contains(url.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains("planCount", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_WhileTheEndpointComesUp_SucceedsAfterRetrying()
    {
        var port = ClosedLoopbackPort();
        var log = new RecordingLogger<ChainClient>();
        using var sut = new ChainClient(new Uri($"http://127.0.0.1:{port}"), null, AnvilProcess.ChainId,
            new ChainClientOptions { MaxAttempts = 8, InitialBackoff = TimeSpan.FromMilliseconds(100) }, logger: log);

        var call = sut.BlockNumberAsync(); // the first attempt is refused: nothing listens yet
        await using var anvil = await AnvilProcess.StartAsync(port: port);

        Assert.Equal(0ul, await call.WaitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains(log.Entries, e => e.EventId == 3003 && e.Message.Contains("eth_blockNumber", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Send_FromAnUnfundedAccount_ThrowsInsufficientFundsNamingTheAccount()
    {
        using var sut = new ChainClient(Fx.Anvil.RpcUrl, UnfundedKey, AnvilProcess.ChainId);

        var e = await Assert.ThrowsAsync<InsufficientFundsException>(() => sut.TransferAsync(Fx.AddressOf(Outsider), 1));

        Assert.Equal(sut.Address, e.Account);
        Assert.Equal(BigInteger.Zero, e.BalanceWei);
        Assert.Contains(sut.Address, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_ThatReverts_NamesTheCustomErrorAndItsArguments()
    {
        var outsider = Fx.As(Outsider);

        var e = await Assert.ThrowsAsync<ContractRevertException>(() => outsider.Ledger.CommitAsync(new RoundCommitment(42, 0, Hashes.Of("x"), 1)));

        Assert.Equal("UnknownPlan", e.ErrorName);
        Assert.Equal(new BigInteger(42), e.Revert["planId"]);
        Assert.Contains("commit on", e.Message, StringComparison.Ordinal);
        Assert.Contains("UnknownPlan(planId: 42)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Send_AfterAnotherSenderUsedTheNonce_ResynchronisesAndSucceeds()
    {
        using var first = Fx.Client(Founders[0]);
        using var second = Fx.Client(Founders[0]);
        await first.TransferAsync(Fx.AddressOf(Outsider), 1); // first caches the next nonce
        await second.TransferAsync(Fx.AddressOf(Outsider), 1); // ...which second now uses

        var outcome = await first.TransferAsync(Fx.AddressOf(Outsider), 1);

        Assert.Equal(BigInteger.One, outcome.Receipt.Status.Value);
        var nonce = await first.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(first.Address);
        var sent = await first.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(outcome.TransactionHash);
        Assert.Equal(nonce.Value - 1, sent.Nonce.Value);
    }

    [Fact]
    public async Task Send_ManyInParallelFromOneClient_UsesConsecutiveNonces()
    {
        using var sut = Fx.Client(Founders[1]);
        var start = (await sut.Web3.Eth.Transactions.GetTransactionCount.SendRequestAsync(sut.Address)).Value;

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => sut.TransferAsync(Fx.AddressOf(Outsider), 1)));

        var nonces = new List<BigInteger>();
        foreach (var o in outcomes) nonces.Add((await sut.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(o.TransactionHash)).Nonce.Value);
        Assert.Equal(Enumerable.Range(0, 5).Select(i => start + i), nonces.Order());
    }

    [Fact]
    public async Task Send_WithLegacyTransactions_IsMinedAsTypeZeroWithAGasPrice()
    {
        using var sut = Fx.Client(Founders[2], new ChainClientOptions { LegacyTransactions = true });

        var outcome = await new Consortium(sut, Fx.Addresses).Membership.UpdateEndpointAsync("10.9.9.9:1");

        var sent = await sut.Web3.Eth.Transactions.GetTransactionByHash.SendRequestAsync(outcome.TransactionHash);
        Assert.Equal(BigInteger.Zero, sent.Type?.Value ?? BigInteger.Zero);
        Assert.True(sent.GasPrice.Value > 0);
    }

    [Fact]
    public async Task Send_MinedWithStatusZero_ReportsTheRevertFoundByReplayingIt()
    {
        var plan = await Fx.StartPlanAsync();
        using var client = Fx.Client(Founders[0]);
        var control = new AnvilControl(client);
        var state = await new Consortium(client, Fx.Addresses).Ledger.PlanStateAsync(plan);
        await control.SetAutomineAsync(false);
        try
        {
            // Estimated before the deadline, mined after it.
            var commit = new Consortium(client, Fx.Addresses).Ledger.CommitAsync(new RoundCommitment(plan, 0, Hashes.Of("late"), 1));
            await WaitForPoolAsync(control, 1);
            var now = await client.LatestTimestampAsync();
            await control.IncreaseTimeAsync((long)(state.RoundOpenedAt + state.CommitWindow) - now + 1);

            var e = await Assert.ThrowsAsync<ContractRevertException>(() => commit);

            Assert.Equal("CommitAfterDeadline", e.ErrorName);
            var block = await client.Web3.Eth.Blocks.GetBlockWithTransactionsHashesByNumber.SendRequestAsync(Nethereum.RPC.Eth.DTOs.BlockParameter.CreateLatest());
            var mined = await client.Web3.Eth.Transactions.GetTransactionReceipt.SendRequestAsync(Assert.Single(block.TransactionHashes));
            Assert.Equal(BigInteger.Zero, mined.Status.Value);
        }
        finally
        {
            await control.SetAutomineAsync(true);
        }
    }

    /// <summary>Waits (bounded) until the pool holds <paramref name="count"/> transactions: anvil
    /// raises no event for it, so this asks until it does.</summary>
    private static async Task WaitForPoolAsync(AnvilControl control, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (await control.PendingCountAsync(timeout.Token) < count) await Task.Yield();
    }

    private static int ClosedLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
