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
/// founding members, 4 is a candidate, 5 an outsider, 6 the guardian (it may cancel queued proposals).
/// Each test starts from the deployed state (evm_snapshot / evm_revert).
/// </summary>
public sealed class ConsortiumFixture : IAsyncLifetime
{
    public const int Deployer = 0;
    public const int Candidate = 4;
    public const int Outsider = 5;
    public const int Guardian = 6;

    /// <summary>Micro-epsilon the ledger charges each training commit of the fixture's plans.</summary>
    public const uint EpsilonPerRound = 100_000;

    public static readonly byte[] Schema = Hashes.Of("heart-disease schema");
    public static readonly int[] Founders = [1, 2, 3];
    public static readonly string[] FounderNames = ["Cleveland", "Hungary", "Switzerland"];

    private readonly AnvilFixture _anvil = new();
    private string? _snapshot;

    public ConsortiumAddresses Addresses { get; private set; } = null!;

    /// <summary>The deployment's settings: voting delay 1 s, period 60 s, timelock 1 s, grace 3600 s, one guardian.</summary>
    public DeploymentOptions Options => new() { VotingDelaySeconds = 1, VotingPeriodSeconds = 60, Guardians = [AddressOf(Guardian)] };

    public AnvilProcess Anvil => _anvil.Anvil;

    public async Task InitializeAsync()
    {
        await _anvil.InitializeAsync();
        using var deployer = Client(Deployer);
        var founders = Founders.Select((k, i) => new MemberInfo(AddressOf(k), MemberRole.Member, FounderNames[i], $"127.0.0.1:{7001 + i}")).ToList();
        Addresses = await ConsortiumDeployer.DeployAsync(deployer, founders, Options);
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

    /// <summary>The founders' addresses in the ledger's order for score vectors: ascending.</summary>
    public IReadOnlyList<string> FoundersAscending() => [.. Founders.Select(AddressOf).OrderBy(a => a.ToLowerInvariant(), StringComparer.Ordinal)];

    public IReadOnlyList<Consortium> FoundersAsConsortium() => Founders.Select(As).ToList();

    /// <summary>The fixture's plan: the founders invited (1,000 samples each at most), 10 rounds of which round 0
    /// is setup, 600 s windows (60 s availability), epsilon 0.1 charged per training round within 3.0, a pool
    /// of 1e18 per training round.</summary>
    public PlanParams Plan() => new()
    {
        PlanHash = Enumerable.Repeat((byte)0xAB, 32).ToArray(),
        SchemaHash = Schema,
        Invited = Founders.Select(AddressOf).ToList(),
        MaxSamples = [1_000, 1_000, 1_000],
        Rounds = 10,
        SetupRounds = 1,
        CommitWindow = 600,
        EnrolmentWindow = 600,
        AvailabilityWindow = 60,
        SettlementWindow = 600,
        MinParticipants = 2,
        QuorumPercent = 51,
        EpsilonPerRound = EpsilonPerRound,
        EpsilonBudget = 3_000_000,
        ScoresLag = 2,
        RewardPool = BigInteger.Pow(10, 18) * 9,
    };

    /// <summary>Governance starts a plan (<see cref="Plan"/>, changed by <paramref name="configure"/>; invitees
    /// left without a sample limit get 1,000); the founders opt in. Returns the plan id.</summary>
    public async Task<BigInteger> StartPlanAsync(Action<PlanParams>? configure = null, bool optIn = true)
    {
        var founders = FoundersAsConsortium();
        var plan = Plan();
        configure?.Invoke(plan);
        while (plan.MaxSamples.Count < plan.Invited.Count) plan.MaxSamples.Add(1_000);
        if (plan.MaxSamples.Count > plan.Invited.Count) plan.MaxSamples = plan.MaxSamples.Take(plan.Invited.Count).ToList();
        await AnvilGovernance.PassAsync(Proposals.StartPlan(Addresses, plan), founders);
        var planId = await founders[0].Ledger.PlanCountAsync();
        if (optIn)
        {
            foreach (var f in founders.Where(f => plan.Invited.Contains(f.Chain.Address))) await f.Ledger.OptInAsync(planId);
        }

        return planId;
    }

    public async Task DisposeAsync() => await _anvil.DisposeAsync();
}
