using FedChain.Contracts.Client;
using FedChain.Contracts.Deployment;
using FedChain.Contracts.Events;
using FedChain.Contracts.Governance;
using FedChain.Contracts.Ledger;
using FedChain.Contracts.Membership;
using FedChain.Contracts.Rewards;

namespace FedChain.Contracts;

/// <summary>One institution's handle on a deployed consortium: its chain client and the contracts.</summary>
public sealed class Consortium(ChainClient chain, ConsortiumAddresses addresses)
{
    public ChainClient Chain { get; } = chain;

    public ConsortiumAddresses Addresses { get; } = addresses;

    public MembershipClient Membership { get; } = new(chain, addresses.MembershipRegistry);

    public GovernanceClient Governance { get; } = new(chain, addresses.Governor, addresses.Timelock);

    public LedgerClient Ledger { get; } = new(chain, addresses.TrainingLedger);

    public RewardsClient Rewards { get; } = new(chain, addresses.RewardToken);

    /// <summary>The ledger, replayed from every event since the consortium's deployment block.</summary>
    public Task<LedgerState> ReplayLedgerAsync(CancellationToken ct = default) => LedgerState.ReplayAsync(new ChainEventReader(Chain, Addresses), Addresses.DeploymentBlock, ct);
}
