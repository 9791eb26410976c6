using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using Nethereum.Util;
using Nethereum.Web3.Accounts;

namespace FedChain.Contracts.Benchmarks;

/// <summary>
/// A consortium of <c>n</c> members on a fresh anvil for gas measurements: members have fixed keys
/// (keccak of "fedchain bench member i"), funded through anvil, sorted by address so score vectors
/// list them in the ledger's order. Governance passes proposals by warping the clock (AnvilGovernance).
/// </summary>
internal sealed class BenchConsortium : IAsyncDisposable
{
    private readonly AnvilProcess _anvil;
    private readonly ChainClient _deployer;
    private readonly HashSet<int> _removed = [];

    private BenchConsortium(AnvilProcess anvil, ChainClient deployer, ConsortiumAddresses addresses, IReadOnlyList<Consortium> members, string newcomerKey)
    {
        _anvil = anvil;
        _deployer = deployer;
        Addresses = addresses;
        Members = members;
        NewcomerKey = newcomerKey;
    }

    public ConsortiumAddresses Addresses { get; }

    /// <summary>The founders, ascending by address.</summary>
    public IReadOnlyList<Consortium> Members { get; }

    public IReadOnlyList<string> MemberAddresses => [.. Members.Select(m => m.Chain.Address)];

    /// <summary>A funded key that is not a member (for an admission).</summary>
    public string NewcomerKey { get; }

    public static async Task<BenchConsortium> StartAsync(int n, IDictionary<string, long>? deploymentGas, CancellationToken ct)
    {
        var anvil = await AnvilProcess.StartAsync(ct: ct);
        var deployer = new ChainClient(anvil.RpcUrl, anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
        var control = new AnvilControl(deployer);
        var keys = Enumerable.Range(0, n + 1).Select(i => Convert.ToHexStringLower(Sha3Keccack.Current.CalculateHash(Encoding.UTF8.GetBytes($"fedchain bench member {i}")))).ToList();
        foreach (var key in keys) await control.SetBalanceAsync(new Account(key).Address, BigInteger.Pow(10, 22), ct);
        var founders = keys.Take(n).OrderBy(k => new Account(k).Address.ToLowerInvariant(), StringComparer.Ordinal).ToList();
        var info = founders.Select((k, i) => new MemberInfo(new Account(k).Address, MemberRole.Member, $"Hospital {i}", $"127.0.0.1:{7000 + i}")).ToList();
        var addresses = await ConsortiumDeployer.DeployAsync(deployer, info, new DeploymentOptions(), null, deploymentGas, ct);
        var members = founders.Select(k => new Consortium(new ChainClient(anvil.RpcUrl, k, AnvilProcess.ChainId), addresses)).ToList();
        await control.IncreaseTimeAsync(1, ct); // the founders' votes count from the next second
        return new BenchConsortium(anvil, deployer, addresses, members, keys[n]);
    }

    /// <summary>A plan inviting every member: round 0 is setup, one commit window of an hour, scores two rounds behind.</summary>
    public PlanParams Plan(int rounds, uint epsilonPerRound, string name = "plan") => new()
    {
        PlanHash = Sha(name),
        SchemaHash = Sha("schema"),
        Invited = [.. MemberAddresses],
        MaxSamples = [.. Members.Select(_ => 1_000UL)],
        Rounds = (uint)rounds,
        SetupRounds = 1,
        CommitWindow = 3_600,
        EnrolmentWindow = 3_600,
        AvailabilityWindow = 60,
        SettlementWindow = 3_600,
        MinParticipants = 2,
        QuorumPercent = 51,
        EpsilonPerRound = epsilonPerRound,
        EpsilonBudget = epsilonPerRound * (ulong)rounds,
        ScoresLag = 2,
        RewardPool = BigInteger.Pow(10, 18) * (rounds - 1),
    };

    /// <summary>Passes a proposal with every member voting; records propose, one vote and execute gas under <paramref name="name"/>.</summary>
    public async Task<long> PassAsync(Proposal proposal, string name, IDictionary<string, long>? ops, CancellationToken ct)
    {
        var proposer = Members[0];
        await new AnvilControl(proposer.Chain).IncreaseTimeAsync(1, ct);
        var submitted = await proposer.Governance.ProposeAsync(proposal, ct);
        await AnvilGovernance.OpenVotingAsync(proposer, submitted.Id, ct);
        long vote = 0;
        foreach (var m in Members.Where((_, i) => !_removed.Contains(i))) vote = (await m.Governance.VoteAsync(submitted.Id, VoteSupport.For, ct)).GasUsed;
        await AnvilGovernance.CloseVotingAsync(proposer, submitted.Id, ct);
        var queue = await proposer.Governance.QueueAsync(proposal, ct);
        await AnvilGovernance.SkipToAsync(proposer, await proposer.Governance.EtaAsync(submitted.Id, ct), ct);
        var execute = await proposer.Governance.ExecuteAsync(proposal, ct);
        if (ops is not null)
        {
            ops[$"governor_propose_{name}"] = submitted.Transaction.GasUsed;
            ops["governor_castVote"] = vote;
            ops[$"governor_queue_{name}"] = queue.GasUsed;
            ops[$"governor_execute_{name}"] = execute.GasUsed;
        }

        return execute.GasUsed;
    }

    /// <summary>Governance removes member <paramref name="index"/>; returns the execute gas.</summary>
    public async Task<long> RemoveAsync(int index, IDictionary<string, long>? ops, CancellationToken ct)
    {
        var gas = await PassAsync(Proposals.Remove(Addresses, MemberAddresses[index]), "remove", ops, ct);
        _removed.Add(index);
        return gas;
    }

    /// <summary>Starts a plan through governance and has every member opt in; returns its id and the execute gas.</summary>
    public async Task<(BigInteger PlanId, long StartGas)> StartPlanAsync(PlanParams plan, string name, IDictionary<string, long>? ops, CancellationToken ct)
    {
        var gas = await PassAsync(Proposals.StartPlan(Addresses, plan), name, ops, ct);
        var planId = await Members[0].Ledger.PlanCountAsync(ct);
        for (var i = 0; i < Members.Count; i++)
        {
            var optIn = await Members[i].Ledger.OptInAsync(planId, ct);
            if (ops is not null) ops[i == Members.Count - 1 ? "ledger_optIn_opening_round_0" : "ledger_optIn"] = optIn.GasUsed;
        }

        return (planId, gas);
    }

    /// <summary>The commit every member sends in a steady round: its update, its votes on round r - 1's
    /// model and round r - 2's scores, and the pin of its utility report of round r - 1.</summary>
    public RoundCommitment Commit(BigInteger planId, int member, int round, bool pin = true) => new(planId, (uint)round,
        Sha($"update {planId}/{member}/{round}"), 100 + (ulong)member,
        round == 0 ? null : Sha($"model {planId}/{round - 1}"),
        round < 3 ? null : Scores(planId, round - 2).Hash(),
        round == 0 || !pin ? null : Sha($"report {planId}/{member}/{round - 1}"));

    /// <summary>Round <paramref name="round"/>'s score vector: every member, ascending; the last member scores -0.02, the others share 0.9.</summary>
    public ScoreVector Scores(BigInteger planId, int round)
    {
        var n = Members.Count;
        return new(planId, (uint)round, MemberAddresses, [.. Enumerable.Range(0, n).Select(i => i == n - 1 ? -20_000L : 900_000L / n - round)]);
    }

    public static byte[] Sha(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    public async ValueTask DisposeAsync()
    {
        foreach (var m in Members) m.Chain.Dispose();
        _deployer.Dispose();
        await _anvil.DisposeAsync();
    }
}
