using FedChain.Contracts.Client;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Rewards;

namespace FedChain.Contracts.Deployment;

/// <summary>
/// Deploys a fresh consortium: registry, timelock, governor, reward token, the ledger's administration
/// and the ledger; hands the token to the ledger; wires the timelock's roles (the governor proposes,
/// executes and cancels, the guardians cancel) and renounces the deployer's admin role over it;
/// bootstraps the founders and hands the registry to governance (the timelock); funds the founders.
/// After this the deployer holds no role anywhere.
/// </summary>
public static class ConsortiumDeployer
{
    /// <param name="progress">Receives one line per step, for a console or a log.</param>
    /// <param name="gasUsed">When given, receives the gas of each step by name (deploy_X, bootstrap, ...).</param>
    public static async Task<ConsortiumAddresses> DeployAsync(ChainClient deployer, IReadOnlyList<MemberInfo> founders,
        DeploymentOptions? options = null, IProgress<string>? progress = null, IDictionary<string, long>? gasUsed = null,
        CancellationToken ct = default)
    {
        options = (options ?? new DeploymentOptions()).Validate();
        if (!founders.Any(f => f.Role == MemberRole.Member))
            throw new ArgumentException("a consortium needs at least one founder with role member: auditors do not vote, so nobody could govern", nameof(founders));

        var registry = await DeployAsync(deployer, new ContractDeployments.Registry(), ContractNames.MembershipRegistry, progress, gasUsed, ct);
        // Roles wait for the governor's address; until then the deployer administers the timelock.
        var timelock = await DeployAsync(deployer, new ContractDeployments.Timelock
        {
            MinDelay = options.TimelockDelaySeconds,
            DelayFloor = options.Floors.TimelockDelaySeconds,
            GracePeriod = options.GracePeriodSeconds,
            Cancellers = [.. options.Guardians],
            Admin = deployer.Address,
        }, ContractNames.ConsortiumTimelock, progress, gasUsed, ct);
        var governor = await DeployAsync(deployer, new ContractDeployments.Governor
        {
            Membership = registry.Address,
            Timelock = timelock.Address,
            Terms = new()
            {
                VotingDelay = options.VotingDelaySeconds,
                VotingPeriod = options.VotingPeriodSeconds,
                QuorumPercent = options.GovernanceQuorumPercent,
                VoteExtension = options.LateQuorumExtensionSeconds,
            },
            Floors = new()
            {
                VotingDelay = options.Floors.VotingDelaySeconds,
                VotingPeriod = options.Floors.VotingPeriodSeconds,
                QuorumPercent = options.Floors.QuorumPercent,
                VoteExtension = options.Floors.LateQuorumExtensionSeconds,
            },
        }, ContractNames.ConsortiumGovernor, progress, gasUsed, ct);
        var token = await DeployAsync(deployer, new ContractDeployments.Token(), ContractNames.RewardToken, progress, gasUsed, ct);
        var administration = await DeployAsync(deployer, new ContractDeployments.Administration
        {
            Membership = registry.Address,
            Governance = timelock.Address,
            RewardToken = token.Address,
        }, ContractNames.LedgerAdministration, progress, gasUsed, ct);
        var ledger = await DeployAsync(deployer, new ContractDeployments.Ledger
        {
            Membership = registry.Address,
            Governance = timelock.Address,
            RewardToken = token.Address,
            Administration = administration.Address,
            DefaultLifetimeBudget = options.DefaultLifetimeBudgetMicro,
            MaxRewardPool = options.MaxRewardPool,
        }, ContractNames.TrainingLedger, progress, gasUsed, ct);

        var handOver = await deployer.SendAsync(token.Address, new RewardFunctions.TransferOwnership { NewOwner = ledger.Address }, ct);
        gasUsed?.Add("token_transferOwnership", handOver.GasUsed);
        progress?.Report("reward token: minting handed to the ledger");

        await WireTimelockAsync(deployer, timelock.Address, governor.Address, gasUsed, ct);
        progress?.Report($"timelock: the governor proposes, executes and cancels; {options.Guardians.Count} guardian(s) cancel; the deployer keeps no role");

        var bootstrap = await deployer.SendAsync(registry.Address, new MembershipFunctions.Bootstrap
        {
            Governance = timelock.Address,
            Listener = ledger.Address,
            Accounts = founders.Select(f => f.Address).ToList(),
            Roles = founders.Select(f => (byte)f.Role).ToList(),
            Names = founders.Select(f => f.Name).ToList(),
            Endpoints = founders.Select(f => f.Endpoint).ToList(),
        }, ct);
        gasUsed?.Add($"registry_bootstrap_{founders.Count}_founders", bootstrap.GasUsed);
        progress?.Report($"bootstrapped {founders.Count} founders: {string.Join(", ", founders.Select(f => f.Name))}");

        if (options.FundFoundersWei > 0)
        {
            foreach (var founder in founders)
            {
                if (await deployer.BalanceAsync(founder.Address, ct) >= options.FundFoundersWei) continue;
                await deployer.TransferAsync(founder.Address, options.FundFoundersWei, ct);
                progress?.Report($"funded {founder.Name} ({founder.Address})");
            }
        }

        return new ConsortiumAddresses
        {
            RpcUrl = deployer.RpcUrl.ToString(),
            ChainId = deployer.ChainId,
            DeploymentBlock = registry.Block,
            MembershipRegistry = registry.Address,
            Timelock = timelock.Address,
            Governor = governor.Address,
            TrainingLedger = ledger.Address,
            RewardToken = token.Address,
            VotingDelaySeconds = options.VotingDelaySeconds,
            VotingPeriodSeconds = options.VotingPeriodSeconds,
            GovernanceQuorumPercent = options.GovernanceQuorumPercent,
            TimelockDelaySeconds = options.TimelockDelaySeconds,
            GracePeriodSeconds = options.GracePeriodSeconds,
        };
    }

    /// <summary>The governor proposes, executes and cancels through the timelock; then the deployer renounces administering it.</summary>
    private static async Task WireTimelockAsync(ChainClient deployer, string timelock, string governor, IDictionary<string, long>? gasUsed, CancellationToken ct)
    {
        long gas = 0;
        foreach (var role in new[] { TimelockRoles.Proposer, TimelockRoles.Executor, TimelockRoles.Canceller })
            gas += (await deployer.SendAsync(timelock, new TimelockFunctions.GrantRole { Role = role, Account = governor }, ct)).GasUsed;
        gas += (await deployer.SendAsync(timelock, new TimelockFunctions.RenounceRole { Role = TimelockRoles.Admin, CallerConfirmation = deployer.Address }, ct)).GasUsed;
        gasUsed?.Add("timelock_wire_roles", gas);
    }

    private static async Task<(string Address, ulong Block)> DeployAsync<T>(ChainClient deployer, T message, string name,
        IProgress<string>? progress, IDictionary<string, long>? gasUsed, CancellationToken ct)
        where T : Nethereum.Contracts.ContractDeploymentMessage, new()
    {
        var outcome = await deployer.DeployAsync(message, name, ct);
        gasUsed?.Add($"deploy_{name}", outcome.GasUsed);
        progress?.Report($"deployed {name} at {outcome.Receipt.ContractAddress} (gas {outcome.GasUsed:N0})");
        return (outcome.Receipt.ContractAddress, outcome.BlockNumber);
    }
}
