using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.TestSupport;
using Nethereum.Web3.Accounts;

namespace FedChain.Contracts.Tests.Support;

/// <summary>
/// One anvil per test class with a deployed consortium: dev account 0 deploys, accounts 1..3 are the
/// founding members, 4 is a candidate, 5 an outsider. Each test starts from the deployed state
/// (evm_snapshot / evm_revert).
/// </summary>
public sealed class ConsortiumFixture : IAsyncLifetime
{
    public const int Deployer = 0;
    public const int Candidate = 4;
    public const int Outsider = 5;
    public static readonly int[] Founders = [1, 2, 3];
    public static readonly string[] FounderNames = ["Cleveland", "Hungary", "Switzerland"];

    private readonly AnvilFixture _anvil = new();
    private string? _snapshot;

    public ConsortiumAddresses Addresses { get; private set; } = null!;

    public AnvilProcess Anvil => _anvil.Anvil;

    public async Task InitializeAsync()
    {
        await _anvil.InitializeAsync();
        using var deployer = Client(Deployer);
        var founders = Founders.Select((k, i) => new MemberInfo(AddressOf(k), MemberRole.Member, FounderNames[i], $"127.0.0.1:{7001 + i}")).ToList();
        Addresses = await ConsortiumDeployer.DeployAsync(deployer, founders, new DeploymentOptions { VotingDelaySeconds = 1, VotingPeriodSeconds = 60 });
        // a second later, so the founders' votes (checkpointed at bootstrap) count for proposals
        await new AnvilControl(deployer).IncreaseTimeAsync(1);
        _snapshot = await new AnvilControl(deployer).SnapshotAsync();
    }

    /// <summary>Returns the chain to the freshly deployed state.</summary>
    public async Task ResetAsync()
    {
        using var client = Client(Deployer);
        var anvil = new AnvilControl(client);
        await anvil.RevertAsync(_snapshot!);
        _snapshot = await anvil.SnapshotAsync();
    }

    public string AddressOf(int devAccount) => new Account(Anvil.DevPrivateKeys[devAccount]).Address;

    /// <summary>A fresh client (fresh nonce cache) signing as a dev account.</summary>
    public ChainClient Client(int devAccount, ChainClientOptions? options = null) =>
        new(Anvil.RpcUrl, Anvil.DevPrivateKeys[devAccount], AnvilProcess.ChainId, options);

    public Consortium As(int devAccount) => new(Client(devAccount), Addresses);

    public IReadOnlyList<Consortium> FoundersAsConsortium() => Founders.Select(As).ToList();

    /// <summary>Governance starts a plan inviting the founders; they all opt in. Returns the plan id.</summary>
    public async Task<BigInteger> StartPlanAsync(Action<PlanParams>? configure = null, bool optIn = true)
    {
        var founders = FoundersAsConsortium();
        var plan = new PlanParams
        {
            PlanHash = Enumerable.Repeat((byte)0xAB, 32).ToArray(),
            Invited = Founders.Select(AddressOf).ToList(),
            Rounds = 10,
            CommitWindow = 600,
            EnrolmentWindow = 600,
            QuorumPercent = 51,
            EpsilonBudget = 3_000_000,
            ScoresLag = 2,
            RewardPerScore = BigInteger.Pow(10, 18),
        };
        configure?.Invoke(plan);
        await AnvilGovernance.PassAsync(Proposals.StartPlan(Addresses, plan), founders);
        var planId = await founders[0].Ledger.PlanCountAsync();
        if (optIn)
        {
            foreach (var f in founders) await f.Ledger.OptInAsync(planId);
        }

        return planId;
    }

    public async Task DisposeAsync() => await _anvil.DisposeAsync();
}
