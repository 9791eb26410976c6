using System.Net;
using System.Net.Sockets;
using System.Numerics;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Membership;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Consent;
using FedChain.Node.Governance;
using FedChain.Node.Identity;
using FedChain.Node.Models;
using FedChain.Node.Plans;

namespace FedChain.Node.Demo;

/// <summary>
/// A consortium on this machine: anvil with real blocks (one a second, transactions mined at once),
/// one key, folder and node config per institution, the contracts deployed with the founders
/// bootstrapped. Each institution acts through its own session opened from its own node config, and
/// governance votes in real time through the governor's delay and period, with the same
/// <see cref="GovernanceActions"/> the `fedchain gov` commands use. The demo and the end-to-end tests drive it.
/// </summary>
public sealed class LocalConsortium : IAsyncDisposable
{
    private const string Passphrase = "local-consortium-demo";
    private readonly List<ConsortiumMember> _members = [];
    private readonly List<CallerSession> _sessions = [];
    private readonly TimeProvider _time = TimeProvider.System;
    private readonly IProgress<string>? _progress;

    /// <summary>Reward units per 1.0 of net score in plans that score (1,000 per micro unit): the pool is this times the training rounds.</summary>
    public static readonly BigInteger RewardPerScore = 1_000_000_000;

    /// <summary>Voting delay and period of a local consortium: short, so a vote takes seconds of real time.</summary>
    public const uint VotingDelaySeconds = 1;

    private LocalConsortium(AnvilProcess anvil, ChainClient deployer, ConsortiumAddresses addresses, string folder, IProgress<string>? progress)
    {
        Anvil = anvil;
        Deployer = deployer;
        Addresses = addresses;
        Folder = folder;
        _progress = progress;
    }

    public AnvilProcess Anvil { get; }

    public ChainClient Deployer { get; }

    public ConsortiumAddresses Addresses { get; }

    public string Folder { get; }

    public string AddressesFile => Path.Combine(Folder, "addresses.json");

    /// <summary>Every institution with a key (founders and those admitted or waiting to be).</summary>
    public IReadOnlyList<ConsortiumMember> Members => _members;

    /// <summary>
    /// Starts anvil (a block each second, transactions mined at once), makes a key per site, deploys,
    /// bootstraps the first <paramref name="founders"/> sites and funds everyone.
    /// </summary>
    /// <param name="sites">Site name, data file, mapping (and site value or layout) of each institution.</param>
    /// <param name="votingPeriodSeconds">How long each governance vote stays open, in real seconds.</param>
    public static async Task<LocalConsortium> CreateAsync(string folder, IReadOnlyList<SiteSource> sites, int founders, string schemaFile,
        IProgress<string>? progress = null, CancellationToken ct = default, uint votingPeriodSeconds = 10)
    {
        Directory.CreateDirectory(folder);
        // Interval blocks move the chain's clock in real time (governance deadlines); mixed mining still
        // mines each transaction at once, so rounds do not wait for the next block.
        var anvil = await AnvilProcess.StartAsync(extraArgs: ["--block-time", "1", "--mixed-mining"], ct: ct);
        var deployer = new ChainClient(anvil.RpcUrl, anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
        LocalConsortium? consortium = null;
        try
        {
            progress?.Report($"anvil running at {anvil.RpcUrl} (a block each second)");
            var keys = sites.Select(_ => NodeKey.Generate()).ToList();
            var endpoints = sites.Select(_ => $"127.0.0.1:{FreePort()}").ToList();
            var founderInfo = Enumerable.Range(0, founders).Select(i => new MemberInfo(keys[i].Address.ToString(), MemberRole.Member, sites[i].Site, endpoints[i])).ToList();
            var addresses = await ConsortiumDeployer.DeployAsync(deployer, founderInfo,
                new DeploymentOptions { FundFoundersWei = BigInteger.Pow(10, 20), VotingDelaySeconds = VotingDelaySeconds, VotingPeriodSeconds = votingPeriodSeconds }, progress, null, ct);
            consortium = new LocalConsortium(anvil, deployer, addresses, folder, progress);
            await addresses.WriteAsync(consortium.AddressesFile, ct);
            for (var i = 0; i < sites.Count; i++)
            {
                if (i >= founders) await deployer.TransferAsync(keys[i].Address.ToString(), BigInteger.Pow(10, 20), ct);
                consortium._members.Add(await consortium.PrepareAsync(sites[i], schemaFile, keys[i], endpoints[i], ct));
            }

            progress?.Report($"keys and node configs for {string.Join(", ", sites.Select(s => s.Site))} in {folder}");
            return consortium;
        }
        catch
        {
            // Never leave anvil running behind a failed set-up.
            if (consortium is not null) await consortium.DisposeAsync();
            else
            {
                deployer.Dispose();
                await anvil.DisposeAsync();
            }

            throw;
        }
    }

    private async Task<ConsortiumMember> PrepareAsync(SiteSource source, string schemaFile, NodeKey key, string endpoint, CancellationToken ct)
    {
        var site = source.Site;
        var dir = Path.Combine(Folder, "nodes", site);
        // A new chain reuses plan ids: a node folder left by an earlier run would resume its checkpoints (and privacy spend).
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        NodeKeystore.Save(Path.Combine(dir, "key.json"), key, Passphrase, NodeKeystore.Light);
        PrivateFile.WriteAllText(Path.Combine(dir, "passphrase.txt"), Passphrase);
        var config = new NodeConfig
        {
            Keystore = "key.json",
            PassphraseFile = "passphrase.txt",
            Site = site,
            Data = Path.GetFullPath(source.File),
            Mapping = source.Mapping is null ? null : Path.GetFullPath(source.Mapping),
            SiteValue = source.SiteValue,
            Layout = source.Layout,
            Schema = Path.GetFullPath(schemaFile),
            Addresses = AddressesFile,
            Listen = endpoint,
            StateDirectory = "state",
            ExportBlobs = "blobs",
        };
        var configFile = Path.Combine(dir, "node.json");
        File.WriteAllText(configFile, config.ToJson());
        // The institution's own session, opened from its own node config as `fedchain gov --config` opens it.
        var session = await CallerSession.FromConfigAsync(configFile, null, ct);
        _sessions.Add(session);
        return new ConsortiumMember(site, key, dir, configFile, endpoint, session.Consortium);
    }

    /// <summary>Members whose vote counts now: founders and those admitted.</summary>
    public async Task<IReadOnlyList<ConsortiumMember>> VotersAsync(CancellationToken ct = default)
    {
        var registered = (await _members[0].Chain.Membership.MembersAsync(ct)).Where(m => m.Role == MemberRole.Member).Select(m => m.Address.ToLowerInvariant()).ToHashSet();
        return [.. _members.Where(m => registered.Contains(m.Address.ToLowerInvariant()))];
    }

    /// <summary>The current members propose and vote to admit <paramref name="member"/>.</summary>
    public Task<BigInteger> AdmitAsync(ConsortiumMember member, CancellationToken ct = default) =>
        PassAsync(Proposals.Admit(Addresses, new MemberInfo(member.Address, MemberRole.Member, member.Site, member.Endpoint)), ct);

    /// <summary>The plan's chain terms for a local run: these windows, quorum 51 %, scores two rounds behind, a reward
    /// pool paying <see cref="RewardPerScore"/> per 1.0 of net score over the plan's rounds.</summary>
    public static TrainingPlan WithTerms(TrainingPlan plan, uint commitWindowSeconds, uint enrolmentWindowSeconds) =>
        (plan with { Chain = Terms(plan, commitWindowSeconds, enrolmentWindowSeconds) }).Validate();

    private static ChainTerms Terms(TrainingPlan plan, uint commitWindowSeconds, uint enrolmentWindowSeconds) =>
        new(commitWindowSeconds, enrolmentWindowSeconds, 51, 2, plan.Contribution is null ? 0 : (long)(RewardPerScore * plan.Rounds));

    /// <summary>Leaves the plan document where <paramref name="publisher"/>'s node offers it to the network (as `gov propose start-plan` does).</summary>
    public void OfferPlan(ConsortiumMember publisher, TrainingPlan plan) => OfferedPlans.Offer(NodeConfig.Load(publisher.ConfigFile), plan);

    /// <summary>
    /// Each member approves the plan locally (as `fedchain plan approve` records it), then governance
    /// starts it: every member invited, the terms from the plan's chain section (<see cref="PlanProposal"/>).
    /// </summary>
    /// <param name="epsilonBudgetMicro">Tests only: a lower on-chain epsilon cap than the plan's budget, to exhaust it early.</param>
    /// <returns>The plan id.</returns>
    public async Task<BigInteger> StartPlanAsync(TrainingPlan plan, CancellationToken ct = default, ulong? epsilonBudgetMicro = null) =>
        (await StartPlansAsync([(plan, epsilonBudgetMicro)], ct))[0];

    /// <summary>
    /// Governance starts several plans in one proposal, so they enrol together (each member approves
    /// each plan locally first); each plan's terms come from its own chain section.
    /// </summary>
    /// <returns>The plan ids, in the order given.</returns>
    /// <param name="commitWindowSeconds">For plan documents without a chain section: their commit window (else the default terms').</param>
    public async Task<IReadOnlyList<BigInteger>> StartPlansAsync(IReadOnlyList<(TrainingPlan Plan, ulong? EpsilonBudgetMicro)> plans, CancellationToken ct = default,
        uint? commitWindowSeconds = null, uint enrolmentWindowSeconds = 600)
    {
        var voters = await VotersAsync(ct);
        foreach (var voter in voters)
        {
            var config = NodeConfig.Load(voter.ConfigFile);
            foreach (var (plan, _) in plans) new ApprovalBook(config.Resolve(config.StateDirectory)).Approve(plan.Hash, voter.Site, _time.GetUtcNow(), "local consortium");
        }

        IReadOnlyList<string> invited = [.. voters.Select(v => v.Address)];
        var calls = plans.Select(p =>
        {
            IReadOnlyList<ulong> maxSamples = [.. voters.Select(v => MaxSamples(p.Plan, v))];
            var defaults = commitWindowSeconds is { } window ? Terms(p.Plan, window, enrolmentWindowSeconds) : null;
            var proposal = PlanProposal.For(Addresses, p.Plan, invited, maxSamples, defaults);
            if (p.EpsilonBudgetMicro is not { } cap) return proposal;
            var parameters = PlanProposal.Params(p.Plan, invited, maxSamples, defaults);
            parameters.EpsilonBudget = cap;
            return Proposals.StartPlan(Addresses, parameters, proposal.Description);
        }).ToList();
        var combined = calls.Count == 1 ? calls[0] : new Proposal(
            [.. calls.SelectMany(c => c.Targets)], [.. calls.SelectMany(c => c.Values)], [.. calls.SelectMany(c => c.Calldatas)],
            string.Join("; ", calls.Select(c => c.Description)));
        await PassAsync(combined, ct);
        var last = await voters[0].Chain.Ledger.PlanCountAsync(ct);
        return [.. Enumerable.Range(0, plans.Count).Select(i => last - plans.Count + 1 + i)];
    }

    /// <summary>The most samples a member can commit: its training rows under the plan, loaded as its node loads them, or its declared count under DP if larger.</summary>
    private static ulong MaxSamples(TrainingPlan plan, ConsortiumMember member)
    {
        var rows = (ulong)Math.Max(1, LocalSite.Load(plan, NodeConfig.Load(member.ConfigFile).Source).Raw.Train.Count);
        var declared = plan.Privacy?.DeclaredCounts.FirstOrDefault(d => d.Member == member.Site)?.Records ?? 0;
        return Math.Max(rows, (ulong)declared);
    }

    /// <summary>
    /// Once every member that finished the plan has pinned its evaluation, the members vote to release the plan's final
    /// model with the evaluation report built from those pins (as `gov propose release` builds it).
    /// </summary>
    public async Task<ReleaseCandidate> ReleaseAsync(BigInteger planId, CancellationToken ct = default)
    {
        var proposer = (await VotersAsync(ct))[0];
        var reader = new ChainEventReader(proposer.Chain.Chain, Addresses);
        var ledger = new LedgerState();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        while (true)
        {
            await ledger.CatchUpAsync(reader, Addresses.DeploymentBlock, timeout.Token);
            var plan = ledger.Plans[planId];
            // Every member that committed the last round pins its evaluation when it finishes.
            if (plan.Rounds.Count > 0 && plan.Rounds[^1].Commitments.All(c => plan.Evaluations.ContainsKey(c.Member.ToLowerInvariant()))) break;
            await Task.Delay(TimeSpan.FromMilliseconds(250), _time, timeout.Token);
        }

        var release = ReleaseCandidate.From(ledger.Plans[planId], NodeConfig.Load(proposer.ConfigFile).BlobStoreFolder);
        await PassAsync(Proposals.ReleaseModel(Addresses, planId, release.ModelHash, release.Report.Hash()), ct);
        return release;
    }

    /// <summary>The first voter proposes; every voter votes for once voting opens; the proposer executes once it closes (queueing first on a timelocked governor).</summary>
    public async Task<BigInteger> PassAsync(Proposal proposal, CancellationToken ct = default)
    {
        var voters = await VotersAsync(ct);
        var id = await Actions(voters[0]).ProposeAsync(proposal, ct);
        await Task.WhenAll(voters.Select(v => VoteAsync(v, id, ct)));
        await Actions(voters[0]).ExecuteAsync(id, wait: true, ct);
        return id;
    }

    /// <summary>Votes for, once more if the vote ran out of the gas estimated before other votes landed (the vote that reaches
    /// quorum costs more than the estimate made when it was not yet reached; with fifty voters at once, one does).</summary>
    private async Task VoteAsync(ConsortiumMember voter, BigInteger id, CancellationToken ct)
    {
        try
        {
            await Actions(voter).VoteAsync(id, VoteSupport.For, null, wait: true, ct);
        }
        catch (ChainException e) when (e is not ContractRevertException)
        {
            _progress?.Report($"{voter.Site}'s vote failed ({e.Message}); voting again");
            await Actions(voter).VoteAsync(id, VoteSupport.For, null, wait: true, ct);
        }
    }

    private GovernanceActions Actions(ConsortiumMember member) => new(member.Chain, _time, _progress);

    /// <summary>
    /// A free port below Linux's ephemeral range (32768-60999): the node binds it only once its process
    /// has started, and an ephemeral port could meanwhile be taken by any outgoing connection (the other
    /// nodes' dials, the chain client's). Ports are tried from a per-process start, so concurrent
    /// consortia rarely probe the same ones.
    /// </summary>
    private static int FreePort()
    {
        const int first = 20000, count = 12000;
        for (var i = 0; i < count; i++)
        {
            var port = first + (int)((Interlocked.Increment(ref _nextPort) + (Environment.ProcessId * 7919L)) % count);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
            }
        }

        throw new InvalidOperationException($"no free port in {first}-{first + count - 1}");
    }

    private static long _nextPort;

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions) session.Dispose();
        foreach (var member in _members) member.Key.Dispose();
        Deployer.Dispose();
        await Anvil.DisposeAsync();
    }
}
