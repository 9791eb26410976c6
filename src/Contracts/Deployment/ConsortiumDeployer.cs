using FedChain.Contracts.Client;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Rewards;

namespace FedChain.Contracts.Deployment;

/// <summary>
/// Deploys a fresh consortium: registry, governor, reward token and ledger; hands the token to the
/// ledger; bootstraps the founders and hands the registry to governance; funds the founders.
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
        var governor = await DeployAsync(deployer, new ContractDeployments.Governor
        {
            Membership = registry.Address,
            VotingDelay = options.VotingDelaySeconds,
            VotingPeriod = options.VotingPeriodSeconds,
            QuorumPercent = options.GovernanceQuorumPercent,
        }, ContractNames.ConsortiumGovernor, progress, gasUsed, ct);
        var token = await DeployAsync(deployer, new ContractDeployments.Token(), ContractNames.RewardToken, progress, gasUsed, ct);
        var ledger = await DeployAsync(deployer, new ContractDeployments.Ledger
        {
            Membership = registry.Address,
            Governance = governor.Address,
            RewardToken = token.Address,
        }, ContractNames.TrainingLedger, progress, gasUsed, ct);

        var handOver = await deployer.SendAsync(token.Address, new RewardFunctions.TransferOwnership { NewOwner = ledger.Address }, ct);
        gasUsed?.Add("token_transferOwnership", handOver.GasUsed);
        progress?.Report("reward token: minting handed to the ledger");

        var bootstrap = await deployer.SendAsync(registry.Address, new MembershipFunctions.Bootstrap
        {
            Governance = governor.Address,
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
            Governor = governor.Address,
            TrainingLedger = ledger.Address,
            RewardToken = token.Address,
            VotingDelaySeconds = options.VotingDelaySeconds,
            VotingPeriodSeconds = options.VotingPeriodSeconds,
            GovernanceQuorumPercent = options.GovernanceQuorumPercent,
        };
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
