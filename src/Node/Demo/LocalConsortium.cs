using System.Net;
using System.Net.Sockets;
using System.Numerics;
using FedChain.Contracts;
using FedChain.Contracts.Chain;
using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Learning.Data.Ingestion;
using FedChain.Learning.Plans;
using FedChain.Node.Agent;
using FedChain.Node.Identity;
using FedChain.Node.Privacy;

namespace FedChain.Node.Demo;

/// <summary>
/// A consortium on this machine: anvil, one key, folder and node config per institution, the
/// contracts deployed with the founders bootstrapped. The demo and the end-to-end tests drive it.
/// </summary>
public sealed class LocalConsortium : IAsyncDisposable
{
    private const string Passphrase = "local-consortium-demo";
    private readonly List<ConsortiumMember> _members = [];

    /// <summary>Reward units per 1.0 of net score in plans that score (1,000 per micro unit): the pool is this times the training rounds.</summary>
    public static readonly BigInteger RewardPerScore = 1_000_000_000;

    private LocalConsortium(AnvilProcess anvil, ChainClient deployer, ConsortiumAddresses addresses, string folder)
    {
        Anvil = anvil;
        Deployer = deployer;
        Addresses = addresses;
        Folder = folder;
    }

    public AnvilProcess Anvil { get; }

    public ChainClient Deployer { get; }

    public ConsortiumAddresses Addresses { get; }

    public string Folder { get; }

    public string AddressesFile => Path.Combine(Folder, "addresses.json");

    /// <summary>Every institution with a key (founders and those admitted or waiting to be).</summary>
    public IReadOnlyList<ConsortiumMember> Members => _members;

    /// <summary>Starts anvil, makes a key per site, deploys, bootstraps the first <paramref name="founders"/> sites and funds everyone.</summary>
    /// <param name="sites">Site name, CSV file and mapping of each institution.</param>
    public static async Task<LocalConsortium> CreateAsync(string folder, IReadOnlyList<SiteSource> sites, int founders, string schemaFile,
        IProgress<string>? progress = null, CancellationToken ct = default)
    {
        Directory.CreateDirectory(folder);
        var anvil = await AnvilProcess.StartAsync(ct: ct);
        var deployer = new ChainClient(anvil.RpcUrl, anvil.DevPrivateKeys[0], AnvilProcess.ChainId);
        progress?.Report($"anvil running at {anvil.RpcUrl}");
        var keys = sites.Select(_ => NodeKey.Generate()).ToList();
        var endpoints = sites.Select(_ => $"127.0.0.1:{FreePort()}").ToList();
        var founderInfo = Enumerable.Range(0, founders).Select(i => new MemberInfo(keys[i].Address.ToString(), MemberRole.Member, sites[i].Site, endpoints[i])).ToList();
        var addresses = await ConsortiumDeployer.DeployAsync(deployer, founderInfo,
            new DeploymentOptions { FundFoundersWei = BigInteger.Pow(10, 20) }, progress, null, ct);
        var consortium = new LocalConsortium(anvil, deployer, addresses, folder);
        await addresses.WriteAsync(consortium.AddressesFile, ct);
        for (var i = 0; i < sites.Count; i++)
        {
            if (i >= founders) await deployer.TransferAsync(keys[i].Address.ToString(), BigInteger.Pow(10, 20), ct);
            consortium._members.Add(consortium.Prepare(sites[i], schemaFile, keys[i], endpoints[i]));
        }

        progress?.Report($"keys and node configs for {string.Join(", ", sites.Select(s => s.Site))} in {folder}");
        return consortium;
    }

    private ConsortiumMember Prepare(SiteSource source, string schemaFile, NodeKey key, string endpoint)
    {
        var site = source.Site;
        var dir = Path.Combine(Folder, "nodes", site);
        // A new chain reuses plan ids: a node folder left by an earlier run would resume its checkpoints (and privacy spend).
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.CreateDirectory(dir);
        NodeKeystore.Save(Path.Combine(dir, "key.json"), key, Passphrase, NodeKeystore.Light);
        File.WriteAllText(Path.Combine(dir, "passphrase.txt"), Passphrase);
        var config = new NodeConfig
        {
            Keystore = "key.json",
            PassphraseFile = "passphrase.txt",
            Site = site,
            Data = Path.GetFullPath(source.File),
            Mapping = source.Mapping is null ? null : Path.GetFullPath(source.Mapping),
            Schema = Path.GetFullPath(schemaFile),
            Addresses = AddressesFile,
            Listen = endpoint,
            StateDirectory = "state",
            ExportBlobs = "blobs",
        };
        var configFile = Path.Combine(dir, "node.json");
        File.WriteAllText(configFile, config.ToJson());
        var chain = new ChainClient(Anvil.RpcUrl, Convert.ToHexString(key.ExportPrivateKey()), AnvilProcess.ChainId);
        return new ConsortiumMember(site, key, dir, configFile, endpoint, new Consortium(chain, Addresses));
    }

    /// <summary>Members whose vote counts now: founders and those admitted.</summary>
    public async Task<IReadOnlyList<ConsortiumMember>> VotersAsync(CancellationToken ct = default)
    {
        var registered = (await _members[0].Chain.Membership.MembersAsync(ct)).Select(m => m.Address.ToLowerInvariant()).ToHashSet();
        return [.. _members.Where(m => registered.Contains(m.Address.ToLowerInvariant()))];
    }

    /// <summary>The current members propose and vote to admit <paramref name="member"/>.</summary>
    public async Task AdmitAsync(ConsortiumMember member, CancellationToken ct = default)
    {
        var voters = await VotersAsync(ct);
        await AnvilGovernance.PassAsync(Proposals.Admit(Addresses, new MemberInfo(member.Address, MemberRole.Member, member.Site, member.Endpoint)),
            [.. voters.Select(v => v.Chain)], ct);
    }

    /// <summary>Writes the plan document where <paramref name="publisher"/>'s node offers it to the network.</summary>
    public void OfferPlan(ConsortiumMember publisher, TrainingPlan plan)
    {
        var file = Path.Combine(publisher.Directory, "plan.json");
        File.WriteAllBytes(file, plan.CanonicalBytes());
        var config = NodeConfig.Load(publisher.ConfigFile);
        File.WriteAllText(publisher.ConfigFile, (config with { PublishPlans = [file] }).ToJson());
    }

    /// <summary>Governance starts the plan: every member invited, rounds + 1 chain rounds (round 0, the setup
    /// round, exchanges moments). The ledger charges each training round the plan's epsilon per round
    /// (<see cref="PrivacySchedule"/>); each member may commit at most the rows of its data file (or its
    /// declared count, if larger); the reward pool pays <see cref="RewardPerScore"/> per 1.0 of net score.</summary>
    /// <param name="epsilonBudgetMicro">The chain's per-member epsilon cap for the plan; default: what the whole plan charges (0 without DP). Tests set it lower to exhaust it early.</param>
    /// <returns>The plan id.</returns>
    public async Task<BigInteger> StartPlanAsync(TrainingPlan plan, uint commitWindowSeconds, uint enrolmentWindowSeconds, CancellationToken ct = default, ulong? epsilonBudgetMicro = null) =>
        (await StartPlansAsync([(plan, epsilonBudgetMicro)], commitWindowSeconds, enrolmentWindowSeconds, ct))[0];

    /// <summary>
    /// Governance starts several plans in one proposal, so they enrol together: on anvil each vote jumps
    /// the chain clock over the voting period, which would close an earlier plan's enrolment.
    /// </summary>
    /// <returns>The plan ids, in the order given.</returns>
    public async Task<IReadOnlyList<BigInteger>> StartPlansAsync(IReadOnlyList<(TrainingPlan Plan, ulong? EpsilonBudgetMicro)> plans, uint commitWindowSeconds, uint enrolmentWindowSeconds, CancellationToken ct = default)
    {
        var voters = await VotersAsync(ct);
        var calls = plans.Select(p => Proposals.StartPlan(Addresses, new PlanParams
        {
            PlanHash = Convert.FromHexString(p.Plan.Hash),
            SchemaHash = Convert.FromHexString(p.Plan.Schema.Hash),
            Invited = [.. voters.Select(v => v.Address)],
            MaxSamples = [.. voters.Select(v => MaxSamples(p.Plan, v))],
            Rounds = (uint)p.Plan.Rounds + 1,
            SetupRounds = 1,
            CommitWindow = commitWindowSeconds,
            EnrolmentWindow = enrolmentWindowSeconds,
            AvailabilityWindow = Math.Clamp(commitWindowSeconds / 4, 1, Math.Max(1, commitWindowSeconds - 1)),
            SettlementWindow = 2 * commitWindowSeconds,
            MinParticipants = 2,
            QuorumPercent = 51,
            ScoresLag = 2,
            ContributionMode = (byte)(p.Plan.Contribution?.Mode == Learning.Contribution.ContributionMode.SumOnly ? 1 : 0),
            RewardPool = p.Plan.Contribution is null ? 0 : RewardPerScore * p.Plan.Rounds,
            EpsilonPerRound = PrivacySchedule.PerRoundMicro(p.Plan),
            EpsilonBudget = p.EpsilonBudgetMicro ?? PrivacySchedule.BudgetMicro(p.Plan),
            SecureAggregation = p.Plan.SecureAggregation is { Enabled: true },
        })).ToList();
        var proposal = calls.Count == 1 ? calls[0] : new Proposal(
            [.. calls.SelectMany(c => c.Targets)], [.. calls.SelectMany(c => c.Values)], [.. calls.SelectMany(c => c.Calldatas)],
            string.Join("; ", calls.Select(c => c.Description)));
        await AnvilGovernance.PassAsync(proposal, [.. voters.Select(v => v.Chain)], ct);
        var last = await voters[0].Chain.Ledger.PlanCountAsync(ct);
        return [.. Enumerable.Range(0, plans.Count).Select(i => last - plans.Count + 1 + i)];
    }

    /// <summary>The most samples a member can commit: the rows of its data file, or its declared count under DP if larger.</summary>
    private static ulong MaxSamples(TrainingPlan plan, ConsortiumMember member)
    {
        var rows = (ulong)Math.Max(1, File.ReadLines(NodeConfig.Load(member.ConfigFile).Data).Count() - 1);
        var declared = plan.Privacy?.DeclaredCounts.FirstOrDefault(d => d.Member == member.Site)?.Records ?? 0;
        return Math.Max(rows, (ulong)declared);
    }

    /// <summary>The members vote to release the plan's model with its evaluation report.</summary>
    public async Task ReleaseAsync(BigInteger planId, byte[] modelHash, byte[] evaluationReportHash, CancellationToken ct = default)
    {
        var voters = await VotersAsync(ct);
        await AnvilGovernance.PassAsync(Proposals.ReleaseModel(Addresses, planId, modelHash, evaluationReportHash), [.. voters.Select(v => v.Chain)], ct);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var member in _members)
        {
            member.Chain.Chain.Dispose();
            member.Key.Dispose();
        }

        Deployer.Dispose();
        await Anvil.DisposeAsync();
    }
}
